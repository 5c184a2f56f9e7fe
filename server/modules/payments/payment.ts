import type { Cents } from '../shared/money'

export type PaymentStatus = 'authorized' | 'captured' | 'voided'

/**
 * A mock payment authorization: money held for the customer until an order claims it. It funds at
 * most one order; once claimed it is captured (order delivered) or voided (order rejected or cancelled).
 */
export interface Authorization {
  id: string
  customerId: string
  amountCents: Cents
  status: PaymentStatus
  /** The order it funds, once claimed. Never cleared: a voided authorization is not reusable. */
  orderId: string | null
  createdAt: Date
  updatedAt: Date
}

/** The word the pipeline uses for every refusal, kept from the original demo. */
export const NOT_ENOUGH_MONEY = 'NOT_ENOUGH_MONEY'

export type PaymentDecision =
  | { outcome: 'confirmed' }
  | { outcome: 'rejected', reason: typeof NOT_ENOUGH_MONEY, authorizedCents: Cents, totalCents: Cents }

export const rejected = (authorizedCents: Cents, totalCents: Cents): PaymentDecision =>
  ({ outcome: 'rejected', reason: NOT_ENOUGH_MONEY, authorizedCents, totalCents })

/**
 * Whether the authorization pays for the order. Already claimed by this very order, it is confirmed
 * again whatever became of it since (captured, voided), so a redelivered order gets the answer it got
 * the first time. Otherwise it must still be authorized, unclaimed, and cover the total.
 */
export function decidePayment(authorization: Pick<Authorization, 'amountCents' | 'status' | 'orderId'>, orderTotalCents: Cents, orderId: string): PaymentDecision {
  const covers = authorization.amountCents >= orderTotalCents
  const claimedByThisOrder = authorization.orderId === orderId
  const claimable = authorization.status === 'authorized' && authorization.orderId === null
  return covers && (claimedByThisOrder || claimable) ? { outcome: 'confirmed' } : rejected(authorization.amountCents, orderTotalCents)
}

/** An order's request to be paid from an authorization, as the payments consumer receives it. */
export interface Claim {
  paymentId: string
  customerId: string
  orderId: string
  totalCents: Cents
}

/**
 * Pure: decides claims in order against the authorizations they name (by id; missing ones are
 * unknown). Another customer's authorization is treated as unknown. A claim confirmed on an
 * unclaimed authorization claims it, so a later claim in the same batch finds it taken. Returns one
 * decision per claim, and the new claims to write.
 */
export function decideClaims(authorizations: ReadonlyMap<string, Pick<Authorization, 'customerId' | 'amountCents' | 'status' | 'orderId'>>, claims: Claim[]) {
  const current = new Map(authorizations)
  const newClaims: { paymentId: string, orderId: string }[] = []
  const decisions = claims.map((claim): PaymentDecision => {
    const authorization = current.get(claim.paymentId)
    if (!authorization || authorization.customerId !== claim.customerId) return rejected(0, claim.totalCents)
    const decision = decidePayment(authorization, claim.totalCents, claim.orderId)
    if (decision.outcome === 'confirmed' && authorization.orderId === null) {
      current.set(claim.paymentId, { ...authorization, orderId: claim.orderId })
      newClaims.push({ paymentId: claim.paymentId, orderId: claim.orderId })
    }
    return decision
  })
  return { decisions, newClaims }
}
