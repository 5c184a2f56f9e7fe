import { idParam, rebrandStore, storePatch } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Store')
  const patch = await readJson(event, storePatch)
  return rebrandStore(db(), id, patch)
})
