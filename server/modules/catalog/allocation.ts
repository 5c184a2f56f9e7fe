/** One store's lines of one order, to be reserved all together or not at all. */
export interface StoreLines {
  orderId: string
  storeId: string
  lines: { productId: string, name: string, quantity: number }[]
}

export interface ShortLine {
  productId: string
  name: string
  requested: number
  available: number
}

export type Allocation = { outcome: 'confirmed' } | { outcome: 'rejected', shortLines: ShortLine[] }

/**
 * Pure: decides, first come first served, which stores get all their lines from `stock` (units on
 * the shelf by product id; a product missing from it has none). A store short of any line takes
 * nothing, and what it would have taken stays for the stores after it. Returns one allocation per
 * request and the units taken per product.
 */
export function allocateStock(stock: ReadonlyMap<string, number>, requests: StoreLines[]) {
  const left = new Map(stock)
  const taken = new Map<string, number>()
  const allocations = requests.map(({ lines }): Allocation => {
    const wanted = new Map<string, number>()
    for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity)
    const shortLines = lines
      .filter(line => (left.get(line.productId) ?? 0) < wanted.get(line.productId)!)
      .map(line => ({ productId: line.productId, name: line.name, requested: line.quantity, available: left.get(line.productId) ?? 0 }))
    if (shortLines.length > 0) return { outcome: 'rejected', shortLines }
    for (const [productId, quantity] of wanted) {
      left.set(productId, left.get(productId)! - quantity)
      taken.set(productId, (taken.get(productId) ?? 0) + quantity)
    }
    return { outcome: 'confirmed' }
  })
  return { allocations, taken }
}
