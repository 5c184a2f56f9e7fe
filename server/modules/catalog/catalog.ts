import type { Cents } from '../shared/money'

/** A store of the plaza. `confirmDelayMs` overrides STORE_CONFIRM_DELAY_MS for this store when set. */
export interface Store {
  id: string
  name: string
  location: string
  participating: boolean
  confirmDelayMs: number | null
  createdAt: Date
  updatedAt: Date
}

export interface Product {
  id: string
  storeId: string
  name: string
  description: string
  stock: number
  priceCents: Cents
  categoryId: string | null
  categoryName: string | null
  createdAt: Date
  updatedAt: Date
}

/** A mall-wide category products are put in; `productCount` counts them in every store. */
export interface Category {
  id: string
  name: string
  slug: string
  productCount: number
}

/** A product as the shopping page lists it: with the store it belongs to. */
export interface CatalogEntry extends Product {
  storeName: string
  storeLocation: string
  storeParticipating: boolean
}

/** A picture of a product. width and height are its largest rendition's; widths lists every rendition kept. */
export interface ProductImage {
  id: string
  productId: string
  position: number
  width: number
  height: number
  widths: number[]
}
