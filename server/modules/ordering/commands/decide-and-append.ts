import { randomUUID } from 'node:crypto'
import type { Db, Sql } from '../../../platform/db'
import { appendToStreams, type Cause, type StreamAppend } from '../adapters/order-streams.pg'
import { lockOrders } from '../adapters/orders.pg'
import { orderNotFound, VersionConflict } from '../errors'
import { integrationMessage } from '../messages'
import { decide, evolve, type Order, type OrderCommand } from '../order'

/** A command for one order, with what caused it. */
export interface OrderChange {
  orderId: string
  command: OrderCommand
  cause: Cause
}

/**
 * Pure: decides each change on the state the previous ones left (two results for one order build on
 * each other) and returns one append per order that changed. Every change's order must be in `orders`.
 * States carry the order's old updatedAt until appendToStreams says when the events were recorded.
 */
export function decideAll(orders: Map<string, Order>, changes: OrderChange[], newId: () => string = randomUUID): StreamAppend[] {
  const appends = new Map<string, StreamAppend>()
  for (const { orderId, command, cause } of changes) {
    const current = appends.get(orderId)?.order ?? orders.get(orderId)
    if (!current) throw new Error(`order ${orderId} is not loaded`)
    let order = current
    const events = appends.get(orderId)?.events ?? []
    for (const event of decide(command, order)) {
      order = evolve(order, event, { orderId, version: order.version + 1, at: order.updatedAt })
      events.push({ version: order.version, event, messageId: newId(), cause })
    }
    if (events.length > 0) appends.set(orderId, { order, events, messages: [] })
  }
  return [...appends.values()].map(append => ({
    ...append,
    messages: append.events.flatMap(({ event, messageId, cause }) => integrationMessage(append.order, event, messageId, cause.causationId)),
  }))
}

/**
 * Decides the changes on the locked orders (see lockOrders) and appends what they produced in one
 * statement, inside the caller's transaction. Returns each changed order's new state.
 */
export async function appendDecisions(tx: Sql, orders: Map<string, Order>, changes: OrderChange[]): Promise<Map<string, Order>> {
  const appends = decideAll(orders, changes)
  if (appends.length === 0) return new Map()
  const at = (await appendToStreams(tx, appends)).toISOString()
  return new Map(appends.map(({ order }) => [order.id, { ...order, updatedAt: at }]))
}

/** One command on one order, in a transaction of its own; returns the order after it. */
export async function changeOrder(db: Db, change: OrderChange): Promise<Order> {
  return retryOnConflict(() => db.begin(async (tx) => {
    const orders = await lockOrders(tx, [change.orderId])
    if (!orders.has(change.orderId)) throw orderNotFound()
    return (await appendDecisions(tx, orders, [change])).get(change.orderId) ?? orders.get(change.orderId)!
  }))
}

/**
 * Runs a transaction again when another writer appended to the same order first. Writers lock the
 * order before they read it, so this is a safety net for one that did not.
 */
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
