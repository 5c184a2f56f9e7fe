import { customerCredentials, normalizePhone, signInCustomer } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { startCustomerSession } from '~~/server/utils/auth'
import { limitSignIn } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

/** Signs a customer in with their phone (written any way the registration accepts) and password. */
export default defineApiHandler(async (event) => {
  const credentials = await readJson(event, customerCredentials)
  await limitSignIn(event, normalizePhone(credentials.phone) ?? credentials.phone)
  const customer = await signInCustomer(db(), credentials)
  await startCustomerSession(event, customer)
  return customer
})
