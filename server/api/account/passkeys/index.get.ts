import { listPasskeys } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer } from '~~/server/utils/auth'

/** The signed-in customer's passkeys. */
export default defineApiHandler(async (event) => {
  const { customerId } = await requireCustomer(event)
  return listPasskeys(db(), customerId)
})
