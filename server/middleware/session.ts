import { restoreCachedSession } from '../utils/auth-session-cache'
import { toHttpError } from '../utils/http-errors'
import { dropEndedSession } from '../utils/session-rows'

/**
 * Restores the session from the unsealed-session cache (utils/auth-session-cache.ts), then signs the
 * request out if the session's row has ended (utils/session-rows.ts), before any handler asks who it is.
 * Reading the row can fail like any query: through the one error mapper, a lost database is 503.
 */
export default defineEventHandler(async (event) => {
  await restoreCachedSession(event)
  try {
    await dropEndedSession(event)
  }
  catch (error) {
    throw toHttpError(error)
  }
})
