import { setResponseStatus } from 'h3'
import { customerInput, registerCustomer } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'

/** Registers a customer and signs them in. */
export default defineApiHandler(async (event) => {
  const input = await readJson(event, customerInput)
  const customer = await registerCustomer(db(), input)
  await startCustomerSession(event, customer)
  setResponseStatus(event, 201)
  return customer
})
