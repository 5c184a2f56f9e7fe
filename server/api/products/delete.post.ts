import { bulkDelete, removeProducts } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readJson } from '~~/server/utils/request'

/** Bulk delete: 200 with the ids that were deleted. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { ids } = await readJson(event, bulkDelete)
  return removeProducts(db(), ids)
})
