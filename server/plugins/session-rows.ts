import { endSession } from '../modules/sessions'
import { db } from '../platform/db'

// Whoever clears a session cookie (Plaza's sign-out, or nuxt-auth-utils' own DELETE /api/_auth/session
// behind useUserSession().clear()) ends the session's row with it: clearing only the cookie would leave
// saved copies of it working.
export default defineNitroPlugin(() => {
  sessionHooks.hook('clear', async (session) => {
    const sessionId = session.secure?.sessionId
    if (sessionId) await endSession(db(), sessionId)
  })
})
