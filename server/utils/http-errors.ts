import { createError, isError, type H3Error } from 'h3'
import { DomainError, type ErrorCode } from '../platform/errors'
import { isConnectionError } from '../platform/db'

const statusByCode: Record<ErrorCode, { status: number, text: string }> = {
  VALIDATION: { status: 400, text: 'Bad Request' },
  INVALID_JSON: { status: 400, text: 'Bad Request' },
  UNAUTHENTICATED: { status: 401, text: 'Unauthorized' },
  FORBIDDEN: { status: 403, text: 'Forbidden' },
  NOT_FOUND: { status: 404, text: 'Not Found' },
  CONFLICT: { status: 409, text: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, text: 'Payload Too Large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, text: 'Unsupported Media Type' },
  UNPROCESSABLE: { status: 422, text: 'Unprocessable Entity' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, text: 'Unprocessable Entity' },
  RATE_LIMITED: { status: 429, text: 'Too Many Requests' },
  UNAVAILABLE: { status: 503, text: 'Service Unavailable' },
}

/** The single place where errors become HTTP responses: `{ statusCode, statusMessage, message, data: { code, issues } }`. */
export function toHttpError(error: unknown): H3Error {
  if (error instanceof DomainError) return fromCode(error.code, error.message, error.issues)
  if (isConnectionError(error)) return fromCode('UNAVAILABLE', 'The database is not reachable right now; try again shortly')
  if (isError(error)) return error
  // The cause stays on the server: the request log prints its stack (server/plugins/observability.ts),
  // the response says only this.
  return createError({ statusCode: 500, statusMessage: 'Internal Server Error', message: 'Something went wrong on our side', cause: error })
}

export function fromCode(code: ErrorCode, message: string, issues: DomainError['issues'] = []): H3Error {
  const { status, text } = statusByCode[code]
  return createError({ statusCode: status, statusMessage: text, message, data: { code, issues } })
}
