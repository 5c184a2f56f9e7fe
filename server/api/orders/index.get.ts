import { listOrders, orderListQuery } from '~~/server/modules/ordering'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readQuery } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listOrders(db(), readQuery(event, orderListQuery))
})
