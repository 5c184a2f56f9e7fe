import type { Sql } from '../../../platform/db'
import { toCents } from '../../shared/money'
import { insertProduct } from '../adapters/products.pg'
import { productView } from '../view'
import { isUnknownCategory, storeNotFound, unknownCategory } from '../errors'
import type { ProductInput } from '../schemas'

export async function addProduct(db: Sql, storeId: string, input: ProductInput) {
  const product = await insertProduct(db, {
    storeId,
    name: input.name,
    description: input.description,
    stock: input.stock,
    priceCents: toCents(input.price),
    categoryId: input.categoryId ?? null,
  }).catch((error) => {
    throw isUnknownCategory(error) ? unknownCategory() : error
  })
  if (!product) throw storeNotFound()
  return productView(product)
}
