import { imageFileParams, readImageFile } from '~~/server/modules/catalog'
import { db } from '~~/server/platform/db'
import { notFound } from '~~/server/platform/errors'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { sendImmutable } from '~~/server/utils/immutable-file'
import { readParams } from '~~/server/utils/request'

// A product image's rendition, /images/<imageId>/<width>.webp: public, and the same bytes for ever.
export default defineApiHandler(async (event) => {
  const { id, file: width } = readParams(event, imageFileParams, 'Image')
  const file = await readImageFile(db(), id, width)
  if (!file) throw notFound('Image')
  return sendImmutable(event, { bytes: file.bytes, etag: file.etag, contentType: 'image/webp' })
})
