import type { Sql } from '../../../platform/db'
import { DomainError } from '../../../platform/errors'
import { selectProductsForPricing } from '../adapters/products.pg'

export interface PricedLine {
  productId: string
  storeId: string
  storeName: string
  name: string
  quantity: number
  unitPriceCents: number
}

/** Prices the items from the catalog as it is now. Unknown products and stores not on sale are refused. */
export async function priceItems(db: Sql, items: { productId: string, quantity: number }[]): Promise<PricedLine[]> {
  const products = new Map((await selectProductsForPricing(db, items.map(item => item.productId))).map(product => [product.id, product]))
  const unknown = items.filter(item => !products.get(item.productId)?.storeParticipating)
  if (unknown.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Not on sale: ${unknown.map(item => item.productId).join(', ')}`, unknown.map(item => ({ path: 'items', message: `product ${item.productId} is unknown or not on sale` })))
  }
  return items.map((item) => {
    const product = products.get(item.productId)!
    return { productId: product.id, storeId: product.storeId, storeName: product.storeName, name: product.name, quantity: item.quantity, unitPriceCents: product.priceCents }
  })
}
