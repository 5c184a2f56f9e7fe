// Stores and products as the HTTP API sends them: prices in euros, dates as ISO strings.

export interface StoreView {
  id: string
  name: string
  location: string
  participating: boolean
  /** Overrides STORE_CONFIRM_DELAY_MS for this store when set. */
  confirmDelayMs: number | null
  createdAt: string
  updatedAt: string
}

export interface ProductView {
  id: string
  storeId: string
  name: string
  description: string
  stock: number
  price: number
  createdAt: string
  updatedAt: string
}

/** A product as the shopping catalog lists it: with the store it belongs to. */
export interface CatalogEntryView extends ProductView {
  storeName: string
  storeLocation: string
  storeParticipating: boolean
}
