import type { Db } from '../../../platform/db'
import { findVisibleOrder, type Actor } from '../access'
import { HTTP_CAUSE } from '../adapters/order-streams.pg'
import type { Order } from '../order'
import { changeOrder } from './decide-and-append'
import { inOrderTrace } from './in-order-trace'

/** Cancels a pending or accepted order (409 otherwise); the worker releases its stock and voids its payment. */
export async function cancelOrder(db: Db, orderId: string, actor: Actor): Promise<Order> {
  await findVisibleOrder(db, orderId, actor)
  return inOrderTrace(db, orderId, 'cancel', () => changeOrder(db, { orderId, command: { type: 'Cancel', by: actor.role }, cause: HTTP_CAUSE }))
}
