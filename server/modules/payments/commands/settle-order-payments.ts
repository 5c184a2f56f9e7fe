import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../../../platform/db'
import { claimMessages } from '../../../platform/inbox'
import { enqueue, type OutgoingMessage } from '../../../platform/outbox'
import type { OrderMessage, OrderPlacedMessage } from '../../ordering'
import { DONE, dueIn, type MessageOutcome } from '../../shared/messages'
import { PAYMENT_SUBJECTS } from '../messages'
import type { PaymentDecision } from '../payment'
import { capturePaymentForOrder } from './capture-payment'
import { settlePaymentsForOrders } from './settle-payment'
import { voidPaymentForOrder } from './void-payment'

/** The payments consumer's name in the inbox. */
const CONSUMER = 'payments'

/**
 * The payments service's answer to what happens to orders: once the simulated payment delay has
 * passed, confirms or rejects each placed order's payment and publishes the result; voids the
 * authorization of a rejected or cancelled order and captures a delivered one's. What is due is
 * handled in one transaction, exactly once (inbox); a placed order not due yet asks to come back.
 */
export async function settleOrderPayments(db: Db, messages: OrderMessage[], delayMs: number, now = Date.now()): Promise<MessageOutcome[]> {
  const due: OrderMessage[] = []
  const outcomes = messages.map((message): MessageOutcome => {
    const wait = message.type === 'OrderPlaced' ? dueIn(message.occurredAt, delayMs, now) : 0
    if (wait > 0) return { retryInMs: wait }
    if (message.type !== 'OrderAccepted') due.push(message)
    return DONE
  })
  if (due.length > 0) await db.begin(tx => settleDue(tx, due))
  return outcomes
}

async function settleDue(tx: Tx, messages: OrderMessage[]) {
  const claimed = await claimMessages(tx, CONSUMER, messages.map(message => message.messageId))
  // delete(): a message delivered twice in one batch is handled once.
  const fresh = messages.filter(message => claimed.delete(message.messageId))
  const placed = fresh.filter(message => message.type === 'OrderPlaced')
  const decisions = await settlePaymentsForOrders(tx, placed.map(message => ({ paymentId: message.paymentId, customerId: message.customerId, orderId: message.orderId, totalCents: message.totalCents })))
  for (const message of fresh) {
    if (message.type === 'OrderRejected' || message.type === 'OrderCancelled') await voidPaymentForOrder(tx, { paymentId: message.paymentId, orderId: message.orderId })
    if (message.type === 'OrderDelivered') await capturePaymentForOrder(tx, message.orderId)
  }
  await enqueue(tx, placed.map((message, index) => paymentResult(message, decisions[index]!)))
}

function paymentResult(placed: OrderPlacedMessage, decision: PaymentDecision): OutgoingMessage {
  const base = { messageId: randomUUID(), orderId: placed.orderId, occurredAt: new Date().toISOString(), causationId: placed.messageId, paymentId: placed.paymentId }
  const payload = decision.outcome === 'confirmed'
    ? { ...base, type: 'PaymentConfirmed' as const }
    : { ...base, type: 'PaymentRejected' as const, reason: decision.reason, authorizedCents: decision.authorizedCents, totalCents: decision.totalCents }
  return { id: payload.messageId, subject: PAYMENT_SUBJECTS[payload.type], payload }
}
