import { idParam, listStoreProducts } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Store')
  return listStoreProducts(db(), id)
})
