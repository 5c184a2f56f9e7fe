import { idParam } from '~~/server/modules/customers'
import { customerOrdersQuery, listCustomerOrders } from '~~/server/modules/ordering'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSelfOrAdmin } from '~~/server/utils/auth'
import { readParams, readQuery } from '~~/server/utils/request'

/** The customer's own orders, newest first, a page at a time (or any customer's, for the admin). */
export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Customer')
  await requireSelfOrAdmin(event, id)
  return listCustomerOrders(db(), id, readQuery(event, customerOrdersQuery))
})
