import { randomUUID } from 'node:crypto'
import type { Db, Sql } from '../server/platform/db'
import { claimMessages } from '../server/platform/inbox'
import { enqueue, type OutgoingMessage } from '../server/platform/outbox'
import { orderMessage, type OrderMessage } from '../server/modules/ordering/messages'
import { capturePaymentForOrder, settlePaymentForOrder, voidPaymentForOrder } from '../server/modules/payments'
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

async function settleAll(tx: Sql, events: OrderMessage[]) {
  const claimed = await claimMessages(tx, PAYMENTS, events.map(event => event.messageId))
  const results: OutgoingMessage[] = []
  for (const event of events) {
    // delete(): a message delivered twice in one batch is handled once.
    if (!claimed.delete(event.messageId)) continue
    switch (event.type) {
      case 'OrderPlaced': {
        const decision = await settlePaymentForOrder(tx, { paymentId: event.paymentId, customerId: event.customerId, orderId: event.orderId, totalCents: event.totalCents })
        const base = { messageId: randomUUID(), orderId: event.orderId, occurredAt: new Date().toISOString(), causationId: event.messageId, paymentId: event.paymentId }
        const payload = decision.outcome === 'confirmed'
          ? { ...base, type: 'PaymentConfirmed' as const }
          : { ...base, type: 'PaymentRejected' as const, reason: decision.reason, authorizedCents: decision.authorizedCents, totalCents: decision.totalCents }
        results.push({ id: payload.messageId, subject: PAYMENT_SUBJECTS[payload.type], payload })
        break
      }
      case 'OrderRejected':
      case 'OrderCancelled':
        await voidPaymentForOrder(tx, { paymentId: event.paymentId, orderId: event.orderId })
        break
      case 'OrderDelivered':
        await capturePaymentForOrder(tx, event.orderId)
        break
    }
  }
  await enqueue(tx, results)
}
