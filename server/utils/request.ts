import { getQuery, getRouterParams, getRequestHeader, readRawBody, type H3Event } from 'h3'
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
  const declaredLength = Number(getRequestHeader(event, 'content-length') ?? 0)
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge()
  const raw = await readRawBody(event, 'utf8')
  if (raw && Buffer.byteLength(raw) > MAX_BODY_BYTES) throw tooLarge()
  let parsed: unknown
  try {
    parsed = JSON.parse(raw ?? '')
  }
  catch {
    throw new DomainError('INVALID_JSON', 'The body is not valid JSON')
  }
  return validate(schema, parsed)
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

const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`)
