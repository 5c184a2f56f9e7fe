import type { Sql } from '../../../platform/db'
import { toCents } from '../../shared/money'
import { updateProduct as updateProductRow } from '../adapters/products.pg'
import { attachImages } from '../queries/product-images'
import { productView } from '../view'
import { isUnknownCategory, productNotFound, unknownCategory } from '../errors'
import type { ProductPatch } from '../schemas'

/** Edits a product. Setting stock is absolute: it is what the admin counted on the shelf. */
export async function updateProduct(db: Sql, id: string, patch: ProductPatch) {
  const { price, ...rest } = patch
  const product = await updateProductRow(db, id, { ...rest, priceCents: price === undefined ? undefined : toCents(price) }).catch((error) => {
    throw isUnknownCategory(error) ? unknownCategory() : error
  })
  if (!product) throw productNotFound()
  const [view] = await attachImages(db, [productView(product)])
  return view!
}
