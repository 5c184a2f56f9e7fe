// The sessions module's public door: the auth helpers in server/utils import from here.
export type { Principal, SessionPolicy, SessionRecord } from './session'
export { principalOf } from './session'
export { startSession } from './commands/start-session'
export { endSession, endSessionsOf } from './commands/end-sessions'
export { liveSession } from './queries/live-session'
