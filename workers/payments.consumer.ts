import { randomUUID } from 'node:crypto'
import type { Db, Sql } from '../server/platform/db'
import { claimMessage } from '../server/platform/inbox'
import { enqueue } from '../server/platform/outbox'
import { orderMessage } from '../server/modules/ordering/messages'
import { capturePaymentForOrder, settlePaymentForOrder, voidPaymentForOrder } from '../server/modules/payments'
import { PAYMENT_SUBJECTS } from '../server/modules/payments/messages'
import { DONE, PoisonMessage, type ConsumerSpec } from './consumer'
import { dueIn } from './due'

export const PAYMENTS = 'payments'

/**
 * Confirms or rejects the payment of each placed order once the payment delay has passed, and
 * voids or captures the authorization when the order ends.
 */
export function paymentsConsumer(db: Db, delayMs: number): ConsumerSpec {
  return {
    name: PAYMENTS,
    async handle(message, payload) {
      const parsed = orderMessage.safeParse(payload)
      if (!parsed.success) throw new PoisonMessage(`not an ordering message: ${parsed.error.issues[0]?.message}`)
      const event = parsed.data
      if (event.type === 'OrderAccepted') return DONE
      if (event.type === 'OrderPlaced') {
        const wait = dueIn(event.occurredAt, delayMs)
        if (wait > 0) return { retryInMs: wait }
      }
      await db.begin(async (tx) => {
        if (!(await claimMessage(tx, PAYMENTS, event.messageId))) return
        switch (event.type) {
          case 'OrderPlaced': {
            const decision = await settlePaymentForOrder(tx, { paymentId: event.paymentId, customerId: event.customerId, orderId: event.orderId, totalCents: event.totalCents })
            const base = { messageId: randomUUID(), orderId: event.orderId, occurredAt: new Date().toISOString(), causationId: event.messageId, paymentId: event.paymentId }
            const payload = decision.outcome === 'confirmed'
              ? { ...base, type: 'PaymentConfirmed' as const }
              : { ...base, type: 'PaymentRejected' as const, reason: decision.reason, authorizedCents: decision.authorizedCents, totalCents: decision.totalCents }
            await enqueue(tx, [{ id: payload.messageId, subject: PAYMENT_SUBJECTS[payload.type], payload }])
            return
          }
          case 'OrderRejected':
          case 'OrderCancelled':
            await voidPaymentForOrder(tx, { paymentId: event.paymentId, orderId: event.orderId })
            return
          case 'OrderDelivered':
            await capturePaymentForOrder(tx, event.orderId)
        }
      })
      return DONE
    },
  }
}
