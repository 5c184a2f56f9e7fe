import { defineApiHandler } from '~~/server/utils/api-handler'
import { endCurrentSession } from '~~/server/utils/auth'

/** Signs out: the session's row is deleted, so the cookie stops working on every replica, copies included. */
export default defineApiHandler(async (event) => {
  await endCurrentSession(event)
  return { user: null }
})
