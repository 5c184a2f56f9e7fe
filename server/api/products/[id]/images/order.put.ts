import { idParam, imageOrder, reorderProductImages } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readJson, readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Product')
  const { imageIds } = await readJson(event, imageOrder)
  return reorderProductImages(db(), id, imageIds)
})
