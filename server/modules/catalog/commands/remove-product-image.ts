import type { Db, Sql } from '../../../platform/db'
import { pgImageStore } from '../adapters/image-store.pg'
import { deleteProductImage } from '../adapters/product-images.pg'
import { imageNotFound } from '../errors'
import type { ImageStore } from '../image-store'

/** Removes one of the product's images and its renditions; 404 when the product has no such image. */
export async function removeProductImage(db: Db, productId: string, imageId: string, imageStore: (sql: Sql) => ImageStore = pgImageStore) {
  await db.begin(async (tx) => {
    if (!(await deleteProductImage(tx, productId, imageId))) throw imageNotFound()
    await imageStore(tx).deleteFor([imageId])
  })
}
