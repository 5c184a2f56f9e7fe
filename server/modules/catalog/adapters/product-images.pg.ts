import type { Sql } from '../../../platform/db'
import type { ProductImage } from '../catalog'

const IMAGE_COLUMNS = ['id', 'product_id', 'position', 'width', 'height', 'widths']

/**
 * Locks the product (so that uploads to it take turns) and says how many images it has and the
 * position after the last; undefined when the product does not exist.
 */
export async function lockProductImages(db: Sql, productId: string): Promise<{ count: number, next: number } | undefined> {
  const [product] = await db`select id from catalog.products where id = ${productId} for update`
  if (!product) return undefined
  const [row] = await db<{ count: number, next: number }[]>`
    select count(*)::int as count, coalesce(max(position) + 1, 0)::int as next
    from catalog.product_images where product_id = ${productId}`
  return row!
}

export async function insertProductImage(db: Sql, image: Omit<ProductImage, 'id'>): Promise<ProductImage> {
  const [row] = await db<ProductImage[]>`
    insert into catalog.product_images (product_id, position, width, height, widths)
    values (${image.productId}, ${image.position}, ${image.width}, ${image.height}, ${image.widths}::integer[])
    returning ${db(IMAGE_COLUMNS)}`
  return row!
}

/** The images of these products, each product's in its order. */
export async function selectImagesOf(db: Sql, productIds: string[]): Promise<ProductImage[]> {
  if (productIds.length === 0) return []
  return db<ProductImage[]>`
    select ${db(IMAGE_COLUMNS)} from catalog.product_images
    where product_id = any(${productIds}::uuid[])
    order by product_id, position, created_at, id`
}

/** Deletes the image if it belongs to the product; says whether it did. */
export async function deleteProductImage(db: Sql, productId: string, imageId: string): Promise<boolean> {
  const rows = await db`delete from catalog.product_images where id = ${imageId} and product_id = ${productId} returning id`
  return rows.length > 0
}

/** Puts the product's images in the order of imageIds (every one of its images, each once). */
export async function updateImagePositions(db: Sql, productId: string, imageIds: string[]): Promise<void> {
  await db`
    update catalog.product_images i set position = ordered.position - 1
    from unnest(${imageIds}::uuid[]) with ordinality as ordered(id, position)
    where i.id = ordered.id and i.product_id = ${productId}`
}
