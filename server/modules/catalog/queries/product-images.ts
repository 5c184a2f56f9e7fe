import type { Sql } from '../../../platform/db'
import { pgImageStore } from '../adapters/image-store.pg'
import { selectImagesOf } from '../adapters/product-images.pg'
import { selectProduct } from '../adapters/products.pg'
import { productNotFound } from '../errors'
import type { ImageStore } from '../image-store'
import { productImageView, type ProductImageView, type ProductView } from '../view'

/** The same product views with their images filled in, read for the whole list in one query. */
export async function attachImages<T extends ProductView>(db: Sql, products: T[]): Promise<T[]> {
  const byProduct = new Map<string, ProductImageView[]>()
  for (const image of await selectImagesOf(db, products.map(product => product.id))) {
    const images = byProduct.get(image.productId) ?? []
    images.push(productImageView(image))
    byProduct.set(image.productId, images)
  }
  return products.map(product => ({ ...product, images: byProduct.get(product.id) ?? [] }))
}

export async function listProductImages(db: Sql, productId: string) {
  if (!(await selectProduct(db, productId))) throw productNotFound()
  return (await selectImagesOf(db, [productId])).map(image => productImageView(image))
}

/** One rendition's bytes and entity tag, as the public image route serves them; undefined when unknown. */
export function readImageFile(db: Sql, imageId: string, width: number, imageStore: (sql: Sql) => ImageStore = pgImageStore) {
  return imageStore(db).get(imageId, width, 'webp')
}
