import { catalogQuery, listStores } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  const { participating } = readQuery(event, catalogQuery)
  return listStores(db(), { participating })
})
