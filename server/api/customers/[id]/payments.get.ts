import { idParam } from '~~/server/modules/customers'
import { listCustomerPayments } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'

/** The customer's authorizations, claimed or not: for the checkout page and the customers admin. */
export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Customer')
  await requireSelfOrAdmin(event, id)
  return listCustomerPayments(db(), id)
})
