import { setResponseStatus } from 'h3'
import { addProductImage, idParam } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readImageUpload } from '~~/server/utils/image-upload'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Product')
  const bytes = await readImageUpload(event)
  const image = await addProductImage(db(), id, bytes)
  setResponseStatus(event, 201)
  return image
})
