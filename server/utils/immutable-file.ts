import { getRequestHeader, setResponseHeader, setResponseStatus, type H3Event } from 'h3'

/**
 * Sends bytes that never change at their address: cached for a year by browsers and shared caches,
 * with a strong ETag so that a revalidation (a forced reload) costs a 304 without a body. If-None-Match
 * may list several tags, weak or not (RFC 9110 §13.1.2 compares them weakly).
 */
export function sendImmutable(event: H3Event, file: { bytes: Buffer, etag: string, contentType: string }): Buffer | null {
  setResponseHeader(event, 'cache-control', 'public, max-age=31536000, immutable')
  setResponseHeader(event, 'etag', file.etag)
  const ifNoneMatch = getRequestHeader(event, 'if-none-match')
  const tags = ifNoneMatch?.split(',').map(tag => tag.trim().replace(/^W\//, '')) ?? []
  if (tags.includes(file.etag) || tags.includes('*')) {
    setResponseStatus(event, 304)
    return null
  }
  setResponseHeader(event, 'content-type', file.contentType)
  // Said outright: Node derives it from the body, and a HEAD request's answer has none.
  setResponseHeader(event, 'content-length', file.bytes.length)
  return file.bytes
}
