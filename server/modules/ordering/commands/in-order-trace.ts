import type { Sql } from '../../../platform/db'
import { contextOf, inSpan, linkToActive, tracingOn } from '../../../platform/tracing'
import { selectOrderTraceparent } from '../adapters/orders.pg'

/**
 * Runs a later command on an order (pay, cancel) as a span of the order's own trace, linked to the
 * request that asked for it: one order is one trace, from its placing to its end. An order placed
 * while tracing was off has no trace to continue, and the command stays in its request's.
 */
export async function inOrderTrace<T>(db: Sql, orderId: string, command: string, work: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return work()
  const traceparent = await selectOrderTraceparent(db, orderId)
  if (!traceparent) return work()
  return inSpan(`order ${command}`, { links: linkToActive(), attributes: { 'plaza.order.id': orderId } }, work, contextOf(traceparent))
}
