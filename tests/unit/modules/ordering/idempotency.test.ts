import { describe, expect, it } from 'vitest'
import { fingerprintOf, judgeRetry } from '../../../../server/modules/ordering/idempotency'
import { DomainError } from '../../../../server/platform/errors'

const paymentId = '0b8f2a52-93c4-4c5a-8a07-9a3f1b0c2d11'
const lamp = '1c3e5a7b-0000-4000-8000-000000000001'
const mug = '1c3e5a7b-0000-4000-8000-000000000002'

describe('fingerprintOf', () => {
  it('is the same for the same payment and basket, however the lines are ordered or split', () => {
    const one = fingerprintOf({ paymentId, items: [{ productId: lamp, quantity: 2 }, { productId: mug, quantity: 1 }] })
    expect(fingerprintOf({ paymentId, items: [{ productId: mug, quantity: 1 }, { productId: lamp, quantity: 2 }] })).toBe(one)
    expect(fingerprintOf({ paymentId, items: [{ productId: lamp, quantity: 1 }, { productId: mug, quantity: 1 }, { productId: lamp, quantity: 1 }] })).toBe(one)
  })

  it('differs when the payment, a product or a quantity differs', () => {
    const one = fingerprintOf({ paymentId, items: [{ productId: lamp, quantity: 2 }] })
    expect(fingerprintOf({ paymentId: mug, items: [{ productId: lamp, quantity: 2 }] })).not.toBe(one)
    expect(fingerprintOf({ paymentId, items: [{ productId: mug, quantity: 2 }] })).not.toBe(one)
    expect(fingerprintOf({ paymentId, items: [{ productId: lamp, quantity: 3 }] })).not.toBe(one)
  })
})

describe('judgeRetry', () => {
  const placedAt = '2026-12-01T10:00:00.000Z'
  const hour = 3_600_000
  const at = (ms: number) => new Date(Date.parse(placedAt) + ms)

  it('replays the order for the same body while the key lives', () => {
    expect(judgeRetry({ placedAt, fingerprint: 'f1' }, 'f1', at(hour - 1), hour)).toBe('replay')
  })

  it('refuses another body under a live key with IDEMPOTENCY_KEY_REUSED', () => {
    const verdict = judgeRetry({ placedAt, fingerprint: 'f1' }, 'f2', at(1000), hour)
    expect(verdict).toBeInstanceOf(DomainError)
    expect((verdict as DomainError).code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('lets an expired key place a new order, whatever the body', () => {
    expect(judgeRetry({ placedAt, fingerprint: 'f1' }, 'f1', at(hour), hour)).toBe('expired')
    expect(judgeRetry({ placedAt, fingerprint: 'f1' }, 'f2', at(2 * hour), hour)).toBe('expired')
  })

  it('replays an order placed before fingerprints were kept', () => {
    expect(judgeRetry({ placedAt, fingerprint: null }, 'f2', at(1000), hour)).toBe('replay')
  })
})
