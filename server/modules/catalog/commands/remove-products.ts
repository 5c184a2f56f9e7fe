import type { Sql } from '../../../platform/db'
import { deleteProducts } from '../adapters/products.pg'
import { productNotFound } from '../errors'

export async function removeProduct(db: Sql, id: string): Promise<void> {
  const [deleted] = await deleteProducts(db, [id])
  if (!deleted) throw productNotFound()
}

/** Bulk delete: removes those of the ids that exist and says which; unknown ids are not an error. */
export async function removeProducts(db: Sql, ids: string[]) {
  const deleted = await deleteProducts(db, [...new Set(ids)])
  return { deleted }
}
