import { setResponseStatus } from 'h3'
import { categoryInput, createCategory } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readJson } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const input = await readJson(event, categoryInput)
  const category = await createCategory(db(), input)
  setResponseStatus(event, 201)
  return category
})
