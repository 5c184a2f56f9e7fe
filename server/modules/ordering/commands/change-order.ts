import type { Db, Sql } from '../../../platform/db'
import { HTTP_CAUSE } from '../adapters/order-events.pg'
import { selectOrder } from '../adapters/orders.pg'
import { orderNotFound } from '../errors'
import type { Order } from '../order'
import { retryOnConflict, runOrderCommand } from './append'

/** Who asks: a customer may only touch their own orders; someone else's order is "not found". */
export type Actor = { role: 'admin' } | { role: 'customer', customerId: string }

export async function assertVisible(db: Sql, orderId: string, actor: Actor): Promise<Order> {
  const order = await selectOrder(db, orderId)
  if (!order || (actor.role === 'customer' && order.customerId !== actor.customerId)) throw orderNotFound()
  return order
}

/** Pays an accepted order: it becomes delivered (payment captured, reservations committed by the worker). */
export async function payOrder(db: Db, orderId: string, actor: Actor): Promise<Order> {
  await assertVisible(db, orderId, actor)
  return retryOnConflict(() => db.begin(async tx => (await runOrderCommand(tx, orderId, { type: 'Pay' }, HTTP_CAUSE)).order))
}

/** Cancels a pending, accepted or rejected order; the worker releases stock and voids the payment. */
export async function cancelOrder(db: Db, orderId: string, actor: Actor): Promise<Order> {
  await assertVisible(db, orderId, actor)
  const by = actor.role
  return retryOnConflict(() => db.begin(async tx => (await runOrderCommand(tx, orderId, { type: 'Cancel', by }, HTTP_CAUSE)).order))
}
