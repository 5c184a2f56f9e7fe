import type { Sql } from '../../../platform/db'
import { cursorOrders, selectOrders } from '../adapters/orders.pg'
import { orderCsvRecord } from '../csv'
import type { OrderExportQuery, OrderListQuery } from '../schemas'
import { orderView } from '../view'

export async function listOrders(db: Sql, query: OrderListQuery) {
  const { total, orders } = await selectOrders(db, query)
  return { total, page: query.page, pageSize: query.pageSize, items: orders.map(orderView) }
}

export async function listCustomerOrders(db: Sql, customerId: string) {
  const { orders } = await selectOrders(db, { customerId, sort: 'desc', page: 1, pageSize: 200 })
  return orders.map(orderView)
}

/** Every order the list's filters match (not one page), as CSV records, read a cursor batch at a time. */
export async function* exportOrders(db: Sql, query: OrderExportQuery) {
  for await (const orders of cursorOrders(db, query)) {
    for (const order of orders) yield orderCsvRecord(orderView(order))
  }
}
