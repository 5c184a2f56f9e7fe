import type { Sql } from '../../platform/db'
import { selectOrder } from './adapters/orders.pg'
import { orderNotFound } from './errors'
import type { Order } from './order'

/** Who asks: a customer may only touch their own orders; someone else's order is "not found". */
export type Actor = { role: 'admin' } | { role: 'customer', customerId: string }

/** The order, if the actor may see it; otherwise the same NOT_FOUND as for an order that does not exist. */
export async function findVisibleOrder(db: Sql, orderId: string, actor: Actor): Promise<Order> {
  const order = await selectOrder(db, orderId)
  if (!order || (actor.role === 'customer' && order.customerId !== actor.customerId)) throw orderNotFound()
  return order
}
