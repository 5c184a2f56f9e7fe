import { IMAGES_PER_PRODUCT_MAX } from '../../../../shared/limits'
import type { Db, Sql } from '../../../platform/db'
import { pgImageStore } from '../adapters/image-store.pg'
import { insertProductImage, lockProductImages } from '../adapters/product-images.pg'
import { productNotFound, tooManyImages } from '../errors'
import type { ImageStore } from '../image-store'
import { makeRenditions } from '../renditions'
import { productImageView } from '../view'

/**
 * Adds a picture to the end of the product's: checks the bytes (type sniffed from the content,
 * size, decodability), makes its renditions, and keeps them. Nothing is stored unless all of it
 * succeeds. The image work runs before the transaction, so no lock waits on it.
 */
export async function addProductImage(db: Db, productId: string, bytes: Buffer, imageStore: (sql: Sql) => ImageStore = pgImageStore) {
  const renditions = await makeRenditions(bytes)
  const image = await db.begin(async (tx) => {
    const existing = await lockProductImages(tx, productId)
    if (!existing) throw productNotFound()
    if (existing.count >= IMAGES_PER_PRODUCT_MAX) throw tooManyImages()
    const inserted = await insertProductImage(tx, {
      productId,
      position: existing.next,
      width: renditions.width,
      height: renditions.height,
      widths: renditions.files.map(file => file.width),
    })
    await imageStore(tx).put(inserted.id, renditions.files)
    return inserted
  })
  return productImageView(image)
}
