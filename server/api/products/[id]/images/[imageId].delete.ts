import { setResponseStatus } from 'h3'
import { productImageParams, removeProductImage } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id, imageId } = readParams(event, productImageParams, 'Image')
  await removeProductImage(db(), id, imageId)
  setResponseStatus(event, 204)
  return null
})
