import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../server/platform/db'
import { claimMessages } from '../server/platform/inbox'
import { enqueue, type OutgoingMessage } from '../server/platform/outbox'
import { ORDER_SUBJECTS, orderMessage, type OrderMessage, type OrderPlacedMessage } from '../server/modules/ordering/messages'
import { capturePaymentForOrder, settlePaymentsForOrders, voidPaymentForOrder, type PaymentDecision } from '../server/modules/payments'
import { PAYMENT_SUBJECTS } from '../server/modules/payments/messages'
import { DONE, poisoned, type ConsumerSpec, type Outcome } from './consumer'
import { dueIn } from './due'

export const PAYMENTS = 'payments'

/**
 * Confirms or rejects the payment of each placed order once the payment delay has passed, and
 * voids or captures the authorization when the order ends. The due messages of a batch are handled
 * in one transaction; the others wait for their redelivery.
 */
export function paymentsConsumer(db: Db, delayMs: number): ConsumerSpec {
  return {
    name: PAYMENTS,
    skips: subject => subject === ORDER_SUBJECTS.OrderAccepted,
    async handleBatch(deliveries) {
      const outcomes: Outcome[] = []
      const due: OrderMessage[] = []
      for (const { payload } of deliveries) {
        const parsed = orderMessage.safeParse(payload)
        if (!parsed.success) {
          outcomes.push(poisoned(`not an ordering message: ${parsed.error.issues[0]?.message}`))
          continue
        }
        const event = parsed.data
        const wait = event.type === 'OrderPlaced' ? dueIn(event.occurredAt, delayMs) : 0
        outcomes.push(wait > 0 ? { retryInMs: wait } : DONE)
        if (wait <= 0 && event.type !== 'OrderAccepted') due.push(event)
      }
      if (due.length > 0) await db.begin(tx => settleAll(tx, due))
      return outcomes
    },
  }
}

async function settleAll(tx: Tx, events: OrderMessage[]) {
  const claimed = await claimMessages(tx, PAYMENTS, events.map(event => event.messageId))
  // delete(): a message delivered twice in one batch is handled once.
  const fresh = events.filter(event => claimed.delete(event.messageId))
  const placed = fresh.filter(event => event.type === 'OrderPlaced')
  const decisions = await settlePaymentsForOrders(tx, placed.map(event => ({ paymentId: event.paymentId, customerId: event.customerId, orderId: event.orderId, totalCents: event.totalCents })))
  for (const event of fresh) {
    if (event.type === 'OrderRejected' || event.type === 'OrderCancelled') await voidPaymentForOrder(tx, { paymentId: event.paymentId, orderId: event.orderId })
    if (event.type === 'OrderDelivered') await capturePaymentForOrder(tx, event.orderId)
  }
  await enqueue(tx, placed.map((event, index) => paymentResult(event, decisions[index]!)))
}

function paymentResult(event: OrderPlacedMessage, decision: PaymentDecision): OutgoingMessage {
  const base = { messageId: randomUUID(), orderId: event.orderId, occurredAt: new Date().toISOString(), causationId: event.messageId, paymentId: event.paymentId }
  const payload = decision.outcome === 'confirmed'
    ? { ...base, type: 'PaymentConfirmed' as const }
    : { ...base, type: 'PaymentRejected' as const, reason: decision.reason, authorizedCents: decision.authorizedCents, totalCents: decision.totalCents }
  return { id: payload.messageId, subject: PAYMENT_SUBJECTS[payload.type], payload }
}
