import type { Sql } from '../../../platform/db'
import type { StoreResultMessage } from '../../catalog/messages'
import type { PaymentResultMessage } from '../../payments/messages'
import type { Cause } from '../adapters/order-events.pg'
import type { OrderEvent } from '../order'
import { runOrderCommand } from './append'

/** Records a payment's outcome on the order (inside the consumer's transaction). */
export function recordPaymentResult(tx: Sql, message: PaymentResultMessage, cause: Cause) {
  const result: Extract<OrderEvent, { type: 'PaymentConfirmed' | 'PaymentRejected' }> = message.type === 'PaymentConfirmed'
    ? { type: 'PaymentConfirmed', data: { paymentId: message.paymentId } }
    : { type: 'PaymentRejected', data: { reason: message.reason, authorizedCents: message.authorizedCents, totalCents: message.totalCents } }
  return runOrderCommand(tx, message.orderId, { type: 'RecordPayment', result }, cause)
}

/** Records one store's outcome on the order (inside the consumer's transaction). */
export function recordStoreResult(tx: Sql, message: StoreResultMessage, cause: Cause) {
  const result: Extract<OrderEvent, { type: 'StoreConfirmed' | 'StoreRejected' }> = message.type === 'StoreConfirmed'
    ? { type: 'StoreConfirmed', data: { storeId: message.storeId } }
    : { type: 'StoreRejected', data: { storeId: message.storeId, reason: message.reason, shortLines: message.shortLines } }
  return runOrderCommand(tx, message.orderId, { type: 'RecordStore', result }, cause)
}
