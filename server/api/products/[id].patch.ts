import { idParam, productPatch, updateProduct } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { id } = readParams(event, idParam, 'Product')
  const patch = await readJson(event, productPatch)
  return updateProduct(db(), id, patch)
})
