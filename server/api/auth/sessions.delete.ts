import { defineApiHandler } from '~~/server/utils/api-handler'
import { endEverySession } from '~~/server/utils/auth'

/** Signs out everywhere: every session of the admin, or of this customer, this one included. */
export default defineApiHandler(async (event) => {
  const ended = await endEverySession(event)
  return { user: null, ended }
})
