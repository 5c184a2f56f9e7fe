import { defineApiHandler } from '~~/server/utils/api-handler'
import { sessionCookieOptions } from '~~/server/utils/session-cookie'

export default defineApiHandler(async (event) => {
  await clearUserSession(event, sessionCookieOptions(event))
  return { user: null }
})
