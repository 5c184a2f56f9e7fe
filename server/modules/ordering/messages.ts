import { z } from 'zod'
import type { OutgoingMessage } from '../../platform/outbox'
import { envelope } from '../shared/messages'
import { storeIdsOf, type Order, type OrderEvent } from './order'

// What the ordering module publishes. Consumers in other modules parse these with the same schemas.

export const ORDER_SUBJECTS = {
  OrderPlaced: 'ordering.order-placed',
  OrderAccepted: 'ordering.order-accepted',
  OrderRejected: 'ordering.order-rejected',
  OrderCancelled: 'ordering.order-cancelled',
  OrderDelivered: 'ordering.order-delivered',
} as const

const line = z.object({
  productId: z.uuid(),
  storeId: z.uuid(),
  storeName: z.string(),
  name: z.string(),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
})

export const orderPlacedMessage = z.object({
  ...envelope,
  type: z.literal('OrderPlaced'),
  customerId: z.uuid(),
  paymentId: z.uuid(),
  totalCents: z.number().int().nonnegative(),
  lines: z.array(line).min(1),
})

/** Accepted, rejected, cancelled or delivered: what compensation and settlement need. */
export const orderOutcomeMessage = z.object({
  ...envelope,
  type: z.enum(['OrderAccepted', 'OrderRejected', 'OrderCancelled', 'OrderDelivered']),
  paymentId: z.uuid(),
  storeIds: z.array(z.uuid()),
  reason: z.string().optional(),
})

export const orderMessage = z.discriminatedUnion('type', [orderPlacedMessage, orderOutcomeMessage])

export type OrderPlacedMessage = z.infer<typeof orderPlacedMessage>
export type OrderOutcomeMessage = z.infer<typeof orderOutcomeMessage>
export type OrderMessage = z.infer<typeof orderMessage>

/**
 * The message other modules hear about an order's event, if it is one they listen to; its id is the
 * event's message id. Without occurredAt: appendToStreams stamps the time the event is recorded.
 */
export function integrationMessage(order: Order, event: OrderEvent, messageId: string, causationId: string | null): OutgoingMessage[] {
  if (!(event.type in ORDER_SUBJECTS)) return []
  const base = { messageId, orderId: order.id, causationId, type: event.type }
  const payload = event.type === 'OrderPlaced'
    ? { ...base, customerId: order.customerId, paymentId: order.paymentId, totalCents: order.totalCents, lines: order.lines }
    : { ...base, paymentId: order.paymentId, storeIds: storeIdsOf(order.lines), ...(event.type === 'OrderRejected' ? { reason: event.data.reason } : {}) }
  return [{ id: messageId, subject: ORDER_SUBJECTS[event.type as keyof typeof ORDER_SUBJECTS], payload }]
}
