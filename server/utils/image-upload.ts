import { getRequestHeader, readMultipartFormData, type H3Event } from 'h3'
import { IMAGE_MAX_BYTES } from '../../shared/limits'
import { DomainError } from '../platform/errors'
import { readLimitedBytes } from './request'

// A form's boundaries and part headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024
const TOO_LARGE = `The image is larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB; upload a smaller one`

/**
 * The uploaded image: the raw body, or the `file` field of a multipart form. The body limit here is
 * this route's alone (every JSON route keeps MAX_BODY_BYTES). Content-Type only says which of the two
 * it is: what the image is, the catalog sniffs from its bytes.
 */
export async function readImageUpload(event: H3Event): Promise<Buffer> {
  const multipart = /^multipart\/form-data/i.test(getRequestHeader(event, 'content-type') ?? '')
  const body = await readLimitedBytes(event, IMAGE_MAX_BYTES + (multipart ? MULTIPART_OVERHEAD : 0), TOO_LARGE)
  if (!multipart) return body
  // h3 parses the body readLimitedBytes kept (event._requestBody), without reading the request again.
  const file = (await readMultipartFormData(event))?.find(part => part.name === 'file')
  if (!file) throw new DomainError('VALIDATION', 'Send the image in the form field "file"', [{ path: 'file', message: 'is required' }])
  if (file.data.length > IMAGE_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', TOO_LARGE)
  return file.data
}
