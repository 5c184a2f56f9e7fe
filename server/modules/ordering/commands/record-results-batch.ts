import type { Sql } from '../../../platform/db'
import { enqueue } from '../../../platform/outbox'
import { insertEventsOfOrders, selectEventsOfOrders, type Cause, type NewEvent } from '../adapters/order-events.pg'
import { lockOrders, notifyOrdersChanged, upsertOrders } from '../adapters/orders.pg'
import { decide, evolve, fold, type Order, type OrderCommand } from '../order'
import { integrationMessage, ORDER_CHANGED_CHANNEL } from './append'

/** One payment or store result to apply to its order, with the message that carried it. */
export interface OrderResult {
  orderId: string
  command: Extract<OrderCommand, { type: 'RecordPayment' | 'RecordStore' }>
  cause: Cause
}

/**
 * Locks and loads the orders among `orderIds` that have a stream (results for the others can never
 * apply). The lock lasts until the caller's transaction ends, so no other writer appends meanwhile.
 */
export async function lockKnownOrders(tx: Sql, orderIds: string[]): Promise<Map<string, Order>> {
  const ids = [...new Set(orderIds)]
  await lockOrders(tx, ids)
  // A statement of its own, after the lock: a read in the locking statement would use the snapshot
  // taken before waiting for the lock, and miss the events the previous holder appended.
  const streams = await selectEventsOfOrders(tx, ids)
  const orders = new Map<string, Order>()
  for (const [orderId, stream] of streams) orders.set(orderId, fold(stream, orderId)!)
  return orders
}

/**
 * Applies many results inside the caller's transaction: each order is folded once, each result is
 * decided on the state the previous ones left (so two results of one order build on each other),
 * and all new events are appended in one statement at their expected versions. Then the read
 * model, the outbox and the live listeners are updated, as `appendToOrder` does for one order.
 * Every result's order must be in `orders` (see `lockKnownOrders`). A concurrent append to any of the
 * orders (a writer that did not lock) throws VersionConflict: run the whole batch again on fresh state.
 */
export async function recordResults(tx: Sql, orders: Map<string, Order>, results: OrderResult[]): Promise<void> {
  const decided = decideAll(orders, results)
  const stored = await insertEventsOfOrders(tx, decided)
  if (stored.length === 0) return
  const changed = new Map<string, Order>()
  for (const { orderId, event, version, at } of [...stored].sort((a, b) => a.version - b.version)) {
    changed.set(orderId, evolve(changed.get(orderId) ?? orders.get(orderId), event, { orderId, version, at }))
  }
  await upsertOrders(tx, [...changed.values()])
  await enqueue(tx, stored.flatMap(event => integrationMessage(changed.get(event.orderId)!, event)))
  await notifyOrdersChanged(tx, ORDER_CHANGED_CHANNEL, [...changed.keys()])
}

/** Pure: the events each result produces, in order, numbered after the order's current version. */
export function decideAll(orders: Map<string, Order>, results: OrderResult[]): NewEvent[] {
  const current = new Map(orders)
  const decided: NewEvent[] = []
  for (const { orderId, command, cause } of results) {
    let order = current.get(orderId)
    if (!order) throw new Error(`order ${orderId} is not loaded`)
    for (const event of decide(command, order)) {
      order = evolve(order, event, { orderId, version: order.version + 1, at: order.updatedAt })
      decided.push({ orderId, version: order.version, event, cause })
    }
    current.set(orderId, order)
  }
  return decided
}
