import type { ProductImageView } from '#shared/types/catalog'

// The basket as localStorage keeps it. Pure, so the reading of an old or tampered copy is unit-tested.

export interface BasketLine {
  productId: string
  quantity: number
  name: string
  price: number
  storeName: string
  /** The product's main picture when it was added; null when it had none, or for a basket saved before pictures. */
  image: ProductImageView | null
}

const isImage = (value: unknown): value is ProductImageView =>
  typeof value === 'object' && value !== null
  && typeof (value as ProductImageView).src === 'string' && typeof (value as ProductImageView).srcset === 'string'
  && Number.isFinite((value as ProductImageView).width) && Number.isFinite((value as ProductImageView).height)

/** The saved basket, keeping only well-formed lines; a line saved without a picture (or a broken one) gets none. */
export function parseLines(raw: string | null): BasketLine[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return []
    return value
      .filter(line => typeof line?.productId === 'string' && Number.isInteger(line.quantity) && line.quantity > 0
        && typeof line.name === 'string' && typeof line.price === 'number' && typeof line.storeName === 'string')
      .map(line => ({ productId: line.productId, quantity: line.quantity, name: line.name, price: line.price, storeName: line.storeName, image: isImage(line.image) ? line.image : null }))
  }
  catch {
    return []
  }
}
