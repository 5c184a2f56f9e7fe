import { authenticateCustomer, customerCredentials } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'

/** Signs a customer back in with their id and phone (written any way the registration accepts). */
export default defineApiHandler(async (event) => {
  await limitSignIn(event)
  const credentials = await readJson(event, customerCredentials)
  const customer = await authenticateCustomer(db(), credentials)
  await startCustomerSession(event, customer)
  return customer
})
