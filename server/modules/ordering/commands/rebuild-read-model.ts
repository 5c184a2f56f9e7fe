import type { Db } from '../../../platform/db'
import { selectEvents } from '../adapters/order-events.pg'
import { upsertOrders } from '../adapters/orders.pg'
import { fold } from '../order'

/**
 * Rewrites ordering.orders from ordering.order_events, order by order. Safe while the pipeline runs:
 * the upsert never replaces a row with an older version than it holds.
 */
export async function rebuildReadModel(db: Db, onProgress: (done: number) => void = () => {}): Promise<number> {
  let done = 0
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const batch = await db<{ orderId: string }[]>`
      select distinct order_id from ordering.order_events where order_id > ${after} order by order_id limit 500`
    if (batch.length === 0) return done
    const orders = []
    for (const { orderId } of batch) orders.push(fold(await selectEvents(db, orderId), orderId)!)
    await upsertOrders(db, orders)
    done += batch.length
    after = batch.at(-1)!.orderId
    onProgress(done)
  }
}
