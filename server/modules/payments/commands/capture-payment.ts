import type { Sql } from '../../../platform/db'
import { settleOrderAuthorization } from '../adapters/authorizations.pg'

/**
 * Takes the money when an accepted order is paid for (delivered). True when the order's
 * authorization is captured (by this call or an earlier one); false when the order never claimed
 * one, or it was voided.
 */
export function capturePaymentForOrder(db: Sql, orderId: string): Promise<boolean> {
  return settleOrderAuthorization(db, orderId, 'captured')
}
