import { setResponseStatus } from 'h3'
import { customerInput, registerCustomer } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { startCustomerSession } from '~~/server/utils/auth'
import { limitRegistration } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

/** Registers a customer and signs them in. */
export default defineApiHandler(async (event) => {
  await limitRegistration(event)
  const input = await readJson(event, customerInput)
  const customer = await registerCustomer(db(), input)
  await startCustomerSession(event, customer)
  setResponseStatus(event, 201)
  return customer
})
