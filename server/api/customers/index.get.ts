import { listCustomers } from '~~/server/modules/customers'
import { countPaymentsByCustomer } from '~~/server/modules/payments'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listCustomers(db(), { paymentCount: countPaymentsByCustomer })
})
