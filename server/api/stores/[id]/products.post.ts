import { setResponseStatus } from 'h3'
import { addProduct, idParam, productInput } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readJson, readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Store')
  const input = await readJson(event, productInput)
  setResponseStatus(event, 201)
  return addProduct(db(), id, input)
})
