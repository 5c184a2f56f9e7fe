import type { Db } from '../../../platform/db'
import { findVisibleOrder, type Actor } from '../access'
import { HTTP_CAUSE } from '../adapters/order-streams.pg'
import type { Order } from '../order'
import { changeOrder } from './decide-and-append'
import { inOrderTrace } from './in-order-trace'

/** Pays an accepted order: it becomes delivered (the worker captures the payment and commits the stock). */
export async function payOrder(db: Db, orderId: string, actor: Actor): Promise<Order> {
  await findVisibleOrder(db, orderId, actor)
  return inOrderTrace(db, orderId, 'pay', () => changeOrder(db, { orderId, command: { type: 'Pay' }, cause: HTTP_CAUSE }))
}
