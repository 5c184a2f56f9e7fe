import { catalogQuery, listCatalog } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  return listCatalog(db(), readQuery(event, catalogQuery))
})
