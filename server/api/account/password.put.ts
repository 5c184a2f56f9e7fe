import { changePassword, passwordChange } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { endOtherSessions, requireCustomer } from '~~/server/utils/auth'
import { readJson } from '~~/server/utils/request'

/** Changes the signed-in customer's password and ends their other sessions. */
export default defineApiHandler(async (event) => {
  const { customerId } = await requireCustomer(event)
  const change = await readJson(event, passwordChange)
  await changePassword(db(), customerId, change)
  await endOtherSessions(event)
  return { changed: true }
})
