import { categoryInput, idParam, renameCategory } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readJson, readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Category')
  const input = await readJson(event, categoryInput)
  return renameCategory(db(), id, input)
})
