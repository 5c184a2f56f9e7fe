import { restoreCachedSession } from '../utils/auth-session-cache'
import { dropEndedSession } from '../utils/session-rows'

/**
 * Restores the session from the unsealed-session cache (utils/auth-session-cache.ts), then signs the
 * request out if the session's row has ended (utils/session-rows.ts), before any handler asks who it is.
 */
export default defineEventHandler(async (event) => {
  await restoreCachedSession(event)
  await dropEndedSession(event)
})
