import type { Db } from '../../../platform/db'
import { selectOverdue } from '../adapters/orders.pg'
import { retryOnConflict, runOrderCommand } from './append'

/** Rejects pending orders past their deadline with TIMED_OUT; returns how many it rejected. */
export async function timeOutOverdueOrders(db: Db, now: Date, batch = 100): Promise<number> {
  let rejected = 0
  for (const orderId of await selectOverdue(db, now, batch)) {
    const cause = { causationId: null, consumer: 'deadline', deliveryAttempt: null }
    const { events } = await retryOnConflict(() => db.begin(tx => runOrderCommand(tx, orderId, { type: 'TimeOut', now }, cause)))
    if (events.length > 0) rejected++
  }
  return rejected
}
