import type { Db } from '../../../platform/db'
import { lockOrders, selectOverdue } from '../adapters/orders.pg'
import { appendDecisions, retryOnConflict } from './decide-and-append'

const DEADLINE_CAUSE = { causationId: null, consumer: 'deadline', deliveryAttempt: null }

/** Rejects pending orders past their deadline with TIMED_OUT, up to `batch` in one transaction; returns how many. */
export async function timeOutOverdueOrders(db: Db, now: Date, batch = 100): Promise<number> {
  const overdue = await selectOverdue(db, now, batch)
  if (overdue.length === 0) return 0
  const rejected = await retryOnConflict(() => db.begin(async (tx) => {
    // Decided on the locked state: a result or a cancel that came first leaves nothing to time out.
    const orders = await lockOrders(tx, overdue)
    return appendDecisions(tx, orders, [...orders.keys()].map(orderId => ({ orderId, command: { type: 'TimeOut', now }, cause: DEADLINE_CAUSE })))
  }))
  return rejected.size
}
