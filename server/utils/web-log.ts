import { createLogger } from '../platform/log'

/** The web process's JSON logger (LOG_LEVEL applies, as in the worker). */
export const webLog = createLogger('web')
