import type { Sql } from '../../../platform/db'
import { claimAuthorization, selectAuthorization, type Claim } from '../adapters/authorizations.pg'
import { decidePayment, rejected, type PaymentDecision } from '../payment'

/**
 * The payments consumer's answer to a placed order: claims the authorization for the order when it
 * covers the total, or says NOT_ENOUGH_MONEY. An unknown payment, or another customer's, is a
 * rejection with nothing authorized. Idempotent: the same order gets the same answer again.
 */
export async function settlePaymentForOrder(db: Sql, claim: Claim): Promise<PaymentDecision> {
  if (await claimAuthorization(db, claim)) return { outcome: 'confirmed' }
  // The claim failed; read the row only to explain why. Its conditions never become true again
  // (status leaves 'authorized' for good, order_id is never cleared), so the read cannot contradict it.
  const authorization = await selectAuthorization(db, claim.paymentId)
  if (!authorization || authorization.customerId !== claim.customerId) return rejected(0, claim.totalCents)
  return decidePayment(authorization, claim.totalCents, claim.orderId)
}
