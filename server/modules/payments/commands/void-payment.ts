import type { Sql } from '../../../platform/db'
import { voidAuthorization } from '../adapters/authorizations.pg'

/**
 * Compensation for a rejected, cancelled or timed-out order: releases the money it held. True when
 * the authorization is voided for this order (by this call or an earlier one); false when it was
 * captured, or funds another order. Works before the order claimed it too, so a late claim finds it voided.
 */
export function voidPaymentForOrder(db: Sql, order: { orderId: string, paymentId: string }): Promise<boolean> {
  return voidAuthorization(db, order.paymentId, order.orderId)
}
