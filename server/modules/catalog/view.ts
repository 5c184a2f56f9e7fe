import type { CatalogEntryView, CategoryView, ProductImageView, ProductView, StoreView } from '../../../shared/types/catalog'
import { toEuros } from '../shared/money'
import type { CatalogEntry, Category, Product, ProductImage, Store } from './catalog'

export type { CatalogEntryView, CategoryView, ProductImageView, ProductView, StoreView }

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
    // Filled by attachImages (queries/product-images.ts), one query for a whole list.
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

/** Where the public route serves a rendition (server/routes/images/[id]/[file].get.ts). */
export const imageUrl = (imageId: string, width: number) => `/images/${imageId}/${width}.webp`

/** An image as pages draw it: src is the rendition nearest 640 px wide (a card on a 2x screen, the Open Graph picture). */
export function productImageView(image: ProductImage): ProductImageView {
  const src = image.widths.reduce((best, width) => Math.abs(width - 640) < Math.abs(best - 640) ? width : best)
  return {
    id: image.id,
    width: image.width,
    height: image.height,
    src: imageUrl(image.id, src),
    srcset: image.widths.map(width => `${imageUrl(image.id, width)} ${width}w`).join(', '),
  }
}

export function categoryView(category: Category): CategoryView {
  return { id: category.id, name: category.name, slug: category.slug, productCount: category.productCount }
}
