import { getQuery, getRouterParams, getRequestHeader, setResponseHeader, type H3Event } from 'h3'
import type { z } from 'zod'
import { DomainError, notFound, validationFailed, type ErrorIssue } from '../platform/errors'

/** Bodies are small JSON documents; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map(issue => ({ path: issue.path.join('.'), message: issue.message }))
}

/** Reads a JSON body and validates it: 415 unless it is JSON, 413 if too large, 400 if malformed or invalid. */
export async function readJson<S extends z.ZodType>(event: H3Event, schema: S): Promise<z.output<S>> {
  const contentType = getRequestHeader(event, 'content-type') ?? ''
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json')
  }
  const raw = await readLimitedBody(event, MAX_BODY_BYTES)
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  }
  catch {
    throw new DomainError('INVALID_JSON', 'The body is not valid JSON')
  }
  return validate(schema, parsed)
}

/**
 * The request body as text, counted while it streams in: a declared Content-Length over `limit` is
 * refused before a byte is read, and a body (chunked or not) is cut off the moment it passes `limit`,
 * having kept at most `limit` bytes. h3's readRawBody buffers the whole body first: a 320 MiB chunked
 * upload took the web from 215 MB to 1.07 GB resident before its 413.
 */
export async function readLimitedBody(event: H3Event, limit: number): Promise<string> {
  return (await readLimitedBytes(event, limit)).toString('utf8')
}

/** The request body as bytes, under the same watch as readLimitedBody; `tooLarge` is the 413's message. */
export function readLimitedBytes(event: H3Event, limit: number, tooLarge = `The body is larger than ${limit / 1024} KiB`): Promise<Buffer> {
  const request = event.node.req
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > limit) return Promise.reject(refuseBody(event, tooLarge))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return chunks.push(chunk)
      stop()
      chunks.length = 0
      reject(refuseBody(event, tooLarge))
    }
    const onEnd = () => {
      stop()
      const body = Buffer.concat(chunks)
      // Where h3's own readers look first, for a handler that reads the body again (nuxt-auth-utils' WebAuthn).
      event._requestBody = body
      resolve(body)
    }
    const onError = (error: Error) => {
      stop()
      reject(error)
    }
    const onAborted = () => onError(new Error('the client aborted the request'))
    request.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted)
  })
}

/** How long the rest of a refused upload is read and dropped once the 413 is sent, before the socket closes. */
const LINGER_MS = 2000

/**
 * 413, and the connection is not kept: the answer says `Connection: close`. Until it is written the
 * socket stays paused, and TCP holds the sender back: nothing more is read or kept.
 *
 * Node would then close the socket at once, with the upload's rest unread, and the kernel answers
 * unread data with a reset that can reach the client before it has read the 413 (a browser then shows
 * "connection reset"; CI saw a client wait for good). So, as web servers do ("lingering close"), the
 * answer is followed by an end of our side and the rest is read and dropped, for at most LINGER_MS.
 */
function refuseBody(event: H3Event, message: string) {
  const { req } = event.node
  req.pause()
  setResponseHeader(event, 'connection', 'close')
  const socket = req.socket
  // Node's server calls destroySoon() once a response that closes the connection is written.
  socket.destroySoon = () => {
    socket.end()
    req.resume()
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref()
    socket.once('close', () => clearTimeout(timer))
    socket.once('end', () => socket.destroy())
  }
  return new DomainError('PAYLOAD_TOO_LARGE', message)
}

/** Validates route parameters; an id that cannot exist is reported as not found, like one that does not. */
export function readParams<S extends z.ZodType>(event: H3Event, schema: S, what: string): z.output<S> {
  const result = schema.safeParse(getRouterParams(event, { decode: true }))
  if (!result.success) throw notFound(what)
  return result.data
}

/** An optional header, validated when present (400 when it is not valid). */
export function readOptionalHeader<S extends z.ZodType>(event: H3Event, name: string, schema: S): z.output<S> | undefined {
  const value = getRequestHeader(event, name)
  return value === undefined ? undefined : validate(schema, value)
}

export function readQuery<S extends z.ZodType>(event: H3Event, schema: S): z.output<S> {
  return validate(schema, getQuery(event))
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw validationFailed(zodIssues(result.error))
  return result.data
}
