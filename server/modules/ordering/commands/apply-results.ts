import type { Db } from '../../../platform/db'
import { claimMessages } from '../../../platform/inbox'
import type { StoreResultMessage } from '../../catalog'
import type { PaymentResultMessage } from '../../payments'
import { DONE, poisoned, type MessageOutcome } from '../../shared/messages'
import { lockOrders } from '../adapters/orders.pg'
import type { OrderCommand } from '../order'
import { appendDecisions, retryOnConflict, type OrderChange } from './decide-and-append'

/** The ordering consumer's name in the inbox and on the events it appends. */
const CONSUMER = 'ordering'

/** A payment's or a store's answer about an order, and which delivery of its message this is. */
export interface ResultDelivery {
  message: PaymentResultMessage | StoreResultMessage
  deliveryAttempt: number
}

/**
 * Applies payment and store results to their orders, exactly once, all in one transaction: locks the
 * orders, claims the messages in the inbox (a message seen before, or twice in the batch, changes
 * nothing), decides each result on the state the previous ones left, and appends everything in one
 * statement. A result for an order that does not exist is poison; it is left unclaimed, so that a
 * redrive is handled afresh.
 */
export async function applyResults(db: Db, results: ResultDelivery[]): Promise<MessageOutcome[]> {
  if (results.length === 0) return []
  return retryOnConflict(() => db.begin(async (tx) => {
    const orders = await lockOrders(tx, [...new Set(results.map(result => result.message.orderId))])
    const known = results.filter(result => orders.has(result.message.orderId))
    const claimed = await claimMessages(tx, CONSUMER, known.map(result => result.message.messageId))
    // delete(): a message delivered twice in one batch is applied once.
    const changes = known.filter(result => claimed.delete(result.message.messageId)).map(toChange)
    await appendDecisions(tx, orders, changes)
    return results.map(result => orders.has(result.message.orderId) ? DONE : poisoned(`unknown order ${result.message.orderId}`))
  }))
}

function toChange({ message, deliveryAttempt }: ResultDelivery): OrderChange {
  return { orderId: message.orderId, command: resultCommand(message), cause: { causationId: message.messageId, consumer: CONSUMER, deliveryAttempt } }
}

/** The command a payment's or a store's answer asks of its order. */
export function resultCommand(message: PaymentResultMessage | StoreResultMessage): OrderCommand {
  switch (message.type) {
    case 'PaymentConfirmed':
      return { type: 'RecordPayment', result: { type: 'PaymentConfirmed', data: { paymentId: message.paymentId } } }
    case 'PaymentRejected':
      return { type: 'RecordPayment', result: { type: 'PaymentRejected', data: { reason: message.reason, authorizedCents: message.authorizedCents, totalCents: message.totalCents } } }
    case 'StoreConfirmed':
      return { type: 'RecordStore', result: { type: 'StoreConfirmed', data: { storeId: message.storeId } } }
    case 'StoreRejected':
      return { type: 'RecordStore', result: { type: 'StoreRejected', data: { storeId: message.storeId, reason: message.reason, shortLines: message.shortLines } } }
  }
}
