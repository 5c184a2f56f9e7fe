import type { StoreResultMessage } from '../../catalog/messages'
import type { PaymentResultMessage } from '../../payments/messages'
import type { OrderCommand } from '../order'

/** The command a payment's outcome asks of its order. */
export function recordPaymentCommand(message: PaymentResultMessage): Extract<OrderCommand, { type: 'RecordPayment' }> {
  const result = message.type === 'PaymentConfirmed'
    ? { type: 'PaymentConfirmed' as const, data: { paymentId: message.paymentId } }
    : { type: 'PaymentRejected' as const, data: { reason: message.reason, authorizedCents: message.authorizedCents, totalCents: message.totalCents } }
  return { type: 'RecordPayment', result }
}

/** The command one store's outcome asks of its order. */
export function recordStoreCommand(message: StoreResultMessage): Extract<OrderCommand, { type: 'RecordStore' }> {
  const result = message.type === 'StoreConfirmed'
    ? { type: 'StoreConfirmed' as const, data: { storeId: message.storeId } }
    : { type: 'StoreRejected' as const, data: { storeId: message.storeId, reason: message.reason, shortLines: message.shortLines } }
  return { type: 'RecordStore', result }
}
