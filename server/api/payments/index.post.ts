import { setResponseStatus } from 'h3'
import { authorizePayment, paymentInput } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer, requireSelf } from '~~/server/utils/auth'
import { readJson } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  // Who may call it is settled before the body is read; whose id it names, after.
  await requireCustomer(event)
  const input = await readJson(event, paymentInput)
  await requireSelf(event, input.customerId)
  setResponseStatus(event, 201)
  return authorizePayment(db(), input)
})
