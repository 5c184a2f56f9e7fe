import { listCustomers } from '~~/server/modules/customers'
import { countOrdersByCustomer } from '~~/server/modules/ordering'
import { countPaymentsByCustomer } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'

/** Customers with how many orders and authorizations each has; the counts come from their own modules. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listCustomers(db(), { orderCount: countOrdersByCustomer, paymentCount: countPaymentsByCustomer })
})
