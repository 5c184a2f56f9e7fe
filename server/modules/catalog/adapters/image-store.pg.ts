import type { Sql } from '../../../platform/db'
import type { ImageFile, ImageStore } from '../image-store'

/**
 * The image store in PostgreSQL (bytea in catalog.image_files). Given a transaction, its writes
 * commit or roll back with the catalog's rows; rows of a deleted image, product or store go by
 * cascade, so deleteFor is only needed where no cascade reaches.
 */
export function pgImageStore(db: Sql): ImageStore {
  return {
    async put(imageId, files) {
      const rows = files.map(file => ({ image_id: imageId, width: file.width, format: file.format, etag: file.etag, bytes: file.bytes }))
      await db`insert into catalog.image_files ${db(rows, 'image_id', 'width', 'format', 'etag', 'bytes')}`
    },
    async get(imageId, width, format) {
      const [row] = await db<ImageFile[]>`
        select width, format, etag, bytes from catalog.image_files
        where image_id = ${imageId} and width = ${width} and format = ${format}`
      return row
    },
    async deleteFor(imageIds) {
      await db`delete from catalog.image_files where image_id = any(${imageIds}::uuid[])`
    },
  }
}
