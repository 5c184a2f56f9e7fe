import { getCustomer, idParam } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Customer')
  await requireSelfOrAdmin(event, id)
  return getCustomer(db(), id)
})
