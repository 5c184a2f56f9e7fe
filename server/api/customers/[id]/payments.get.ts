import { idParam } from '~~/server/modules/customers'
import { listCustomerPayments } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSelfOrAdmin } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

/** The customer's authorizations, claimed or not: for the checkout page and the customers admin. */
export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Customer')
  await requireSelfOrAdmin(event, id)
  return listCustomerPayments(db(), id)
})
