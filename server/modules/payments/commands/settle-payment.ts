import type { Tx } from '../../../platform/db'
import { claimAuthorizations, lockAuthorizations } from '../adapters/authorizations.pg'
import { decideClaims, type Claim, type PaymentDecision } from '../payment'

/**
 * The payments consumer's answer to placed orders, in two statements whatever their number: locks
 * the authorizations they name, decides each claim in order (see decideClaims), and records the
 * claims that won. Two orders racing for one authorization cannot both win: the second batch waits
 * for the first's row lock and then reads the row as the first left it. Idempotent: the same order
 * gets the same answer again.
 */
export async function settlePaymentsForOrders(tx: Tx, claims: Claim[]): Promise<PaymentDecision[]> {
  if (claims.length === 0) return []
  const authorizations = await lockAuthorizations(tx, [...new Set(claims.map(claim => claim.paymentId))])
  const { decisions, newClaims } = decideClaims(authorizations, claims)
  await claimAuthorizations(tx, newClaims)
  return decisions
}
