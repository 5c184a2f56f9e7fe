import type { Db } from '../../../platform/db'
import { lockProductImages, selectImagesOf, updateImagePositions } from '../adapters/product-images.pg'
import { notAnOrderOfImages, productNotFound } from '../errors'
import { productImageView } from '../view'

/** Puts the product's images in the order given (the first becomes the main picture). */
export async function reorderProductImages(db: Db, productId: string, imageIds: string[]) {
  const images = await db.begin(async (tx) => {
    if (!(await lockProductImages(tx, productId))) throw productNotFound()
    const current = new Set((await selectImagesOf(tx, [productId])).map(image => image.id))
    const given = new Set(imageIds)
    if (given.size !== imageIds.length || given.size !== current.size || !imageIds.every(id => current.has(id))) throw notAnOrderOfImages()
    await updateImagePositions(tx, productId, imageIds)
    return selectImagesOf(tx, [productId])
  })
  return images.map(productImageView)
}
