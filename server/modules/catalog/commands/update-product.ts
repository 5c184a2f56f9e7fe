import type { Sql } from '../../../platform/db'
import { toCents } from '../../shared/money'
import { updateProduct as updateProductRow } from '../adapters/products.pg'
import { productView } from '../catalog'
import { productNotFound } from '../errors'
import type { ProductPatch } from '../schemas'

/** Edits a product. Setting stock is absolute: it is what the admin counted on the shelf. */
export async function updateProduct(db: Sql, id: string, patch: ProductPatch) {
  const changes: Record<string, unknown> = {}
  if (patch.name !== undefined) changes.name = patch.name
  if (patch.description !== undefined) changes.description = patch.description
  if (patch.stock !== undefined) changes.stock = patch.stock
  if (patch.price !== undefined) changes.price_cents = toCents(patch.price)
  const product = await updateProductRow(db, id, changes)
  if (!product) throw productNotFound()
  return productView(product)
}
