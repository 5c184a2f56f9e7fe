/**
 * Errors the domain raises, each with a string code. Modules never speak HTTP: the one mapper in
 * server/utils/http-errors.ts turns these codes into status codes.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'INVALID_JSON'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'

export interface ErrorIssue {
  path: string
  message: string
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`)

export const validationFailed = (issues: ErrorIssue[]) =>
  new DomainError('VALIDATION', issues.map(issue => issue.path ? `${issue.path}: ${issue.message}` : issue.message).join('; '), issues)
