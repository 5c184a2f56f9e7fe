import { getPayment, idParam } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSelfOrAdmin, requireSignedIn } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Payment')
  // Signed out is 401 before any lookup, so the answer says nothing about which ids exist.
  await requireSignedIn(event)
  const payment = await getPayment(db(), id)
  await requireSelfOrAdmin(event, payment.customerId, 'Payment')
  return payment
})
