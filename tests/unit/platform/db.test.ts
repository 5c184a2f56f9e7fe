import { describe, expect, it } from 'vitest'
import { isConnectionError } from '../../../server/platform/db'

describe('isConnectionError', () => {
  it('takes a socket cut off under a write, a refused connection and a terminated session for "unreachable"', () => {
    for (const code of ['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'CONNECTION_CLOSED', '57P01']) {
      expect(isConnectionError(Object.assign(new Error(code), { code }))).toBe(true)
    }
  })

  it('leaves a bad query, a constraint and anything without a code alone', () => {
    for (const error of [Object.assign(new Error('syntax'), { code: '42601' }), Object.assign(new Error('unique'), { code: '23505' }), new Error('no code'), null, 'text']) {
      expect(isConnectionError(error)).toBe(false)
    }
  })
})
