import { catalogQuery, listStores } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { readQuery } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  const { participating } = readQuery(event, catalogQuery)
  return listStores(db(), { participating })
})
