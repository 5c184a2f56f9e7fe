import type { Sql } from '../../../platform/db'
import { settleOrderAuthorization } from '../adapters/authorizations.pg'

/**
 * Compensation for a rejected, cancelled or timed-out order: releases the money it held. True when
 * the order's authorization is voided (by this call or an earlier one); false when the order never
 * claimed one, or it was captured.
 */
export function voidPaymentForOrder(db: Sql, orderId: string): Promise<boolean> {
  return settleOrderAuthorization(db, orderId, 'voided')
}
