import { authenticateCustomer, customerCredentials } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { startCustomerSession } from '~~/server/utils/auth'
import { limitSignIn } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

/** Signs a customer back in with their id and phone (written any way the registration accepts). */
export default defineApiHandler(async (event) => {
  const credentials = await readJson(event, customerCredentials)
  await limitSignIn(event, credentials.customerId)
  const customer = await authenticateCustomer(db(), credentials)
  await startCustomerSession(event, customer)
  return customer
})
