/** One stored rendition of a product image. */
export interface ImageFile {
  width: number
  format: 'webp'
  bytes: Buffer
  /** A strong entity tag of the bytes, quoted as HTTP sends it. */
  etag: string
}

/**
 * Where the bytes of product images are kept: a port of three calls, so that an object store can
 * replace the Postgres adapter (adapters/image-store.pg.ts) without touching the catalog. The
 * catalog's own rows (which images a product has, in what order) stay in catalog.product_images.
 */
export interface ImageStore {
  put: (imageId: string, files: ImageFile[]) => Promise<void>
  get: (imageId: string, width: number, format: ImageFile['format']) => Promise<ImageFile | undefined>
  /** Forgets every rendition of these images. */
  deleteFor: (imageIds: string[]) => Promise<void>
}
