import type { Sql } from '../../../platform/db'
import type { CursorPage } from '../../../../shared/types/page'
import { cursorOrders, selectCustomerOrders, selectOrders } from '../adapters/orders.pg'
import { orderCsvRecord } from '../csv'
import type { CustomerOrdersQuery, OrderExportQuery, OrderListQuery } from '../schemas'
import { orderView, type OrderView } from '../view'

export async function listOrders(db: Sql, query: OrderListQuery) {
  const { total, orders } = await selectOrders(db, query)
  return { total, page: query.page, pageSize: query.pageSize, items: orders.map(orderView) }
}

/** A customer's orders, newest first, one page; nextCursor asks for the next (null on the last). */
export async function listCustomerOrders(db: Sql, customerId: string, query: CustomerOrdersQuery): Promise<CursorPage<OrderView>> {
  const { total, orders } = await selectCustomerOrders(db, customerId, { after: query.cursor, limit: query.limit + 1 })
  const items = orders.slice(0, query.limit).map(orderView)
  return { total, items, nextCursor: orders.length > query.limit ? items.at(-1)!.id : null }
}

/** Every order the list's filters match (not one page), as CSV records, read a cursor batch at a time. */
export async function* exportOrders(db: Sql, query: OrderExportQuery) {
  for await (const orders of cursorOrders(db, query)) {
    for (const order of orders) yield orderCsvRecord(orderView(order))
  }
}
