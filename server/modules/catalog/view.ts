import type { CatalogEntryView, CategoryView, ProductView, StoreView } from '../../../shared/types/catalog'
import { toEuros } from '../shared/money'
import type { CatalogEntry, Category, Product, Store } from './catalog'

export type { CatalogEntryView, CategoryView, ProductView, StoreView }

/** A store as the HTTP API shows it: dates as ISO strings. */
export function storeView(store: Store): StoreView {
  return {
    id: store.id,
    name: store.name,
    location: store.location,
    participating: store.participating,
    confirmDelayMs: store.confirmDelayMs,
    createdAt: store.createdAt.toISOString(),
    updatedAt: store.updatedAt.toISOString(),
  }
}

/** A product as the HTTP API shows it: euros instead of cents. */
export function productView(product: Product): ProductView {
  return {
    id: product.id,
    storeId: product.storeId,
    name: product.name,
    description: product.description,
    stock: product.stock,
    price: toEuros(product.priceCents),
    categoryId: product.categoryId,
    categoryName: product.categoryName,
    // Filled by attachImages where a page shows pictures.
    images: [],
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  }
}

export function catalogEntryView(entry: CatalogEntry): CatalogEntryView {
  return {
    ...productView(entry),
    storeName: entry.storeName,
    storeLocation: entry.storeLocation,
    storeParticipating: entry.storeParticipating,
  }
}

export function categoryView(category: Category): CategoryView {
  return { id: category.id, name: category.name, slug: category.slug, productCount: category.productCount }
}
