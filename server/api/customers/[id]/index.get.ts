import { getCustomer, idParam } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSelfOrAdmin } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Customer')
  await requireSelfOrAdmin(event, id)
  return getCustomer(db(), id)
})
