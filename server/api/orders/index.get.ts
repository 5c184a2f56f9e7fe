import { listOrders, orderListQuery } from '~~/server/modules/ordering'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listOrders(db(), readQuery(event, orderListQuery))
})
