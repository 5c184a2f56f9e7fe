import { createHash } from 'node:crypto'
import { DomainError } from '../../platform/errors'

/** What a request names that makes it the same order: the payment and the basket (lines merged, in product order). */
export interface OrderIntent {
  paymentId: string
  items: { productId: string, quantity: number }[]
}

/**
 * The digest stored with an order placed under an Idempotency-Key, to tell a retry (same payment, same
 * basket, however its lines are ordered or split) from a different order sent under a key reused.
 */
export function fingerprintOf(intent: OrderIntent): string {
  const quantities = new Map<string, number>()
  for (const { productId, quantity } of intent.items) quantities.set(productId, (quantities.get(productId) ?? 0) + quantity)
  const lines = [...quantities].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify({ paymentId: intent.paymentId, lines })).digest('base64url')
}

/** An order placed earlier under the same customer's key, as far as the key is concerned. */
export interface KeyedOrder {
  placedAt: string
  /** Null for orders placed before fingerprints were kept: those replay, as they always did. */
  fingerprint: string | null
}

/**
 * What a request under a key seen before gets: the earlier order again (a retry), a new order (the key
 * expired `ttlMs` after that order was placed), or 422 (the key is still live and names another order).
 */
export function judgeRetry(earlier: KeyedOrder, fingerprint: string, now: Date, ttlMs: number): 'replay' | 'expired' | DomainError {
  if (Date.parse(earlier.placedAt) + ttlMs <= now.getTime()) return 'expired'
  if (earlier.fingerprint === null || earlier.fingerprint === fingerprint) return 'replay'
  return keyReused()
}

export const keyReused = () => new DomainError('IDEMPOTENCY_KEY_REUSED',
  'This Idempotency-Key was already used for a different order (another payment or basket); send a new key for a new order')
