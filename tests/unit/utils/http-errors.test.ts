import { describe, expect, it } from 'vitest'
import { createError } from 'h3'
import { DomainError, type ErrorCode, validationFailed } from '../../../server/platform/errors'
import { toHttpError } from '../../../server/utils/http-errors'

describe('toHttpError', () => {
  it.each<[ErrorCode, number]>([
    ['VALIDATION', 400],
    ['INVALID_JSON', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['UNPROCESSABLE', 422],
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['RATE_LIMITED', 429],
    ['UNAVAILABLE', 503],
  ])('maps %s to %d with the code and message kept', (code, status) => {
    const error = toHttpError(new DomainError(code, 'because'))
    expect(error.statusCode).toBe(status)
    expect(error.message).toBe('because')
    expect(error.data).toEqual({ code, issues: [] })
  })

  it('carries validation issues', () => {
    const error = toHttpError(validationFailed([{ path: 'price', message: 'must not be negative' }]))
    expect(error.statusCode).toBe(400)
    expect(error.message).toBe('price: must not be negative')
    expect(error.data).toEqual({ code: 'VALIDATION', issues: [{ path: 'price', message: 'must not be negative' }] })
  })

  it('turns a lost database connection into 503', () => {
    const error = toHttpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
    expect(error.statusCode).toBe(503)
    expect(error.data).toMatchObject({ code: 'UNAVAILABLE' })
    expect(error.message).not.toContain('5432')
  })

  it('passes h3 errors through', () => {
    const original = createError({ statusCode: 405, statusMessage: 'Method Not Allowed' })
    expect(toHttpError(original)).toBe(original)
  })

  it('hides the details of anything unexpected behind a 500, keeping the original as its cause for the log', () => {
    const original = new TypeError("Cannot read properties of undefined (reading 'secret')")
    const error = toHttpError(original)
    expect(error.statusCode).toBe(500)
    expect(error.message).toBe('Something went wrong on our side')
    expect(error.cause).toBe(original)
    expect(JSON.stringify(error)).not.toContain('secret')
  })
})
