import { randomUUID } from 'node:crypto'
import type { Sql } from '../../../platform/db'
import { enqueue, type OutgoingMessage } from '../../../platform/outbox'
import { insertEvents, selectEvents, type Cause, type StoredEvent } from '../adapters/order-events.pg'
import { lockOrders, upsertOrder } from '../adapters/orders.pg'
import { orderNotFound, VersionConflict } from '../errors'
import { ORDER_SUBJECTS } from '../messages'
import { decide, evolve, fold, storeIdsOf, type Order, type OrderCommand, type OrderEvent } from '../order'

export const ORDER_CHANGED_CHANNEL = 'plaza_order_changed'

/**
 * Appends events to an existing order's stream and, in the same transaction, updates the read model,
 * queues the integration messages in the outbox and notifies live listeners. (New orders are written
 * by insertNewOrders.)
 */
async function appendToOrder(tx: Sql, order: Order, events: OrderEvent[], cause: Cause): Promise<Order> {
  const stored = await insertEvents(tx, order.id, order.version, events, cause)
  const next = stored.reduce((state, { event, version, at }) => evolve(state, event, { orderId: order.id, version, at }), order)
  await upsertOrder(tx, next)
  await enqueue(tx, stored.flatMap(event => integrationMessage(next, event)))
  await tx`select pg_notify(${ORDER_CHANGED_CHANNEL}, ${order.id})`
  return next
}

/** The message other modules hear about an event, if it is one they listen to. */
export function integrationMessage(order: Order, stored: Pick<StoredEvent, 'event' | 'messageId' | 'at' | 'causationId'>): OutgoingMessage[] {
  const { event } = stored
  if (!(event.type in ORDER_SUBJECTS)) return []
  const base = { messageId: stored.messageId, orderId: order.id, occurredAt: stored.at, causationId: stored.causationId, type: event.type }
  const payload = event.type === 'OrderPlaced'
    ? { ...base, customerId: order.customerId, paymentId: order.paymentId, totalCents: order.totalCents, lines: order.lines }
    : { ...base, paymentId: order.paymentId, storeIds: storeIdsOf(order.lines), ...(event.type === 'OrderRejected' ? { reason: event.data.reason } : {}) }
  return [{ id: stored.messageId, subject: ORDER_SUBJECTS[event.type as keyof typeof ORDER_SUBJECTS], payload }]
}

/** Loads the order from its events, decides, and appends what the decision produced (maybe nothing). */
export async function runOrderCommand(tx: Sql, orderId: string, command: OrderCommand, cause: Cause): Promise<{ order: Order, events: OrderEvent[] }> {
  await lockOrders(tx, [orderId])
  const history = await selectEvents(tx, orderId)
  const order = fold(history, orderId)
  if (!order) throw orderNotFound()
  const events = decide(command, order)
  if (events.length === 0) return { order, events }
  return { order: await appendToOrder(tx, order, events, cause), events }
}

/** Runs a transaction again when another writer appended to the same order first. */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 8): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt()
    }
    catch (error) {
      if (!(error instanceof VersionConflict) || tried >= attempts) throw error
      await new Promise(resolve => setTimeout(resolve, Math.random() * 10 * tried))
    }
  }
}

export const newOrderId = () => randomUUID()
