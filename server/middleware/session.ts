import { restoreCachedSession } from '../utils/auth-session-cache'

/** Restores the session from the unsealed-session cache before any handler asks for it (utils/auth-session-cache.ts). */
export default defineEventHandler(event => restoreCachedSession(event))
