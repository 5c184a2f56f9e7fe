import { idParam, listProductImages } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  const { id } = readParams(event, idParam, 'Product')
  return listProductImages(db(), id)
})
