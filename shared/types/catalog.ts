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
  /** The mall-wide category the admin put the product in, if any. */
  categoryId: string | null
  categoryName: string | null
  /** In the admin's order; the first is the product's main picture. Empty when it has none. */
  images: ProductImageView[]
  createdAt: string
  updatedAt: string
}

/**
 * One uploaded product image as pages show it. The server stores each image in a few widths in a
 * modern format; `src` is a middle width (also the Open Graph image), `srcset` lists them all.
 */
export interface ProductImageView {
  id: string
  /** The largest stored width's size, for the img element's width and height (no layout shift). */
  width: number
  height: number
  src: string
  srcset: string
}

/** A mall-wide category; productCount counts its products in every store. */
export interface CategoryView {
  id: string
  name: string
  slug: string
  productCount: number
}

/** A product as the shopping catalog lists it: with the store it belongs to. */
export interface CatalogEntryView extends ProductView {
  storeName: string
  storeLocation: string
  storeParticipating: boolean
}

/** One value of a catalog filter, with how many products match it under the other filters. */
export interface CatalogFacetView {
  id: string
  name: string
  count: number
}

/** One page of the shopping catalog, best match first when searching. */
export interface CatalogPageView {
  items: CatalogEntryView[]
  /** Products matching the query in all; items holds at most the page size. */
  total: number
  /** Opaque; ask again with it as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null
  facets: {
    categories: CatalogFacetView[]
    stores: CatalogFacetView[]
  }
}
