import type { Sql } from '../../../platform/db'
import { DomainError } from '../../../platform/errors'
import { cursorEvents, selectAllEvents, selectEvents } from '../adapters/order-events.pg'
import { cursorOrders, selectOrders } from '../adapters/orders.pg'
import { assertVisible, type Actor } from '../commands/change-order'
import { eventCsvRecord, orderCsvRecord } from '../csv'
import { fold } from '../order'
import type { EventExportQuery, EventListQuery, OrderExportQuery, OrderListQuery } from '../schemas'
import { eventView, orderView } from '../view'

/** The order now, or as it was at a version or a moment (a fold over its events up to there). */
export async function getOrder(db: Sql, orderId: string, actor: Actor, asOf: { version?: number, at?: Date } = {}) {
  const latest = await assertVisible(db, orderId, actor)
  if (asOf.version === undefined && asOf.at === undefined) return orderView(latest)
  const state = fold(await selectEvents(db, orderId, asOf), orderId)
  if (!state) throw new DomainError('NOT_FOUND', 'The order did not exist yet at that point')
  return orderView(state)
}

export async function getOrderEvents(db: Sql, orderId: string, actor: Actor) {
  await assertVisible(db, orderId, actor)
  return (await selectEvents(db, orderId)).map(eventView)
}

export async function listOrders(db: Sql, query: OrderListQuery) {
  const { total, orders } = await selectOrders(db, query)
  return { total, page: query.page, pageSize: query.pageSize, items: orders.map(orderView) }
}

export async function listCustomerOrders(db: Sql, customerId: string) {
  const { orders } = await selectOrders(db, { customerId, sort: 'desc', page: 1, pageSize: 200 })
  return orders.map(orderView)
}

export async function listAllEvents(db: Sql, query: EventListQuery) {
  const { total, events } = await selectAllEvents(db, query)
  return { total, page: query.page, pageSize: query.pageSize, items: events.map(eventView) }
}

/** Every order the list's filters match (not one page), as CSV records, read a cursor batch at a time. */
export async function* exportOrders(db: Sql, query: OrderExportQuery) {
  for await (const orders of cursorOrders(db, query)) {
    for (const order of orders) yield orderCsvRecord(orderView(order))
  }
}

/** Every event the log's filters match (not one page), as CSV records, read a cursor batch at a time. */
export async function* exportEvents(db: Sql, query: EventExportQuery) {
  for await (const events of cursorEvents(db, query)) {
    for (const event of events) yield eventCsvRecord(eventView(event))
  }
}
