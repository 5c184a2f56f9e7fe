import { getStore, idParam } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Store')
  return getStore(db(), id)
})
