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

type Item = { productId: string, quantity: number }
type PricingRow = Awaited<ReturnType<typeof selectProductsForPricing>>[number]

/**
 * Prices several baskets from the catalog as it is now, in one query: each basket gets its lines, or
 * the error naming its products that are unknown or whose store is not on sale.
 */
export async function priceBaskets(db: Sql, baskets: Item[][]): Promise<(PricedLine[] | DomainError)[]> {
  const ids = [...new Set(baskets.flatMap(items => items.map(item => item.productId)))]
  const products = new Map((ids.length > 0 ? await selectProductsForPricing(db, ids) : []).map(product => [product.id, product]))
  return baskets.map(items => priceBasket(products, items))
}

function priceBasket(products: Map<string, PricingRow>, items: Item[]): PricedLine[] | DomainError {
  const unknown = items.filter(item => !products.get(item.productId)?.storeParticipating)
  if (unknown.length > 0) {
    return new DomainError('UNPROCESSABLE', `Not on sale: ${unknown.map(item => item.productId).join(', ')}`, unknown.map(item => ({ path: 'items', message: `product ${item.productId} is unknown or not on sale` })))
  }
  return items.map((item) => {
    const product = products.get(item.productId)!
    return { productId: product.id, storeId: product.storeId, storeName: product.storeName, name: product.name, quantity: item.quantity, unitPriceCents: product.priceCents }
  })
}
