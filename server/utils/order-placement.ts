import { priceBaskets } from '~~/server/modules/catalog'
import { placeOrders, type PlaceOrderRequest } from '~~/server/modules/ordering'
import { findOpenAuthorizations } from '~~/server/modules/payments'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { groupCommit } from '~~/server/platform/group-commit'

/**
 * Orders placed by this process's concurrent requests are written together (see groupCommit): up to
 * 100 per statement, at most 4 batches at once. A batch holds one connection of the pool of 10, two
 * while it reads authorizations and prices side by side, so other routes always find two free. Under
 * load this is what lets the web place orders faster than Postgres commits them one by one.
 */
const placeGrouped = groupCommit((requests: PlaceOrderRequest[]) => placeOrders(db(), requests, {
  priceBaskets,
  findOpenAuthorizations,
  now: () => new Date(),
  deadlineMs: config().ORDER_CONFIRM_DEADLINE_MS,
}), { maxBatch: 100, maxInFlight: 4 })

/** Places one order, with whatever other requests are placing orders at the moment; throws why it was refused. */
export async function placeOrder(request: PlaceOrderRequest) {
  const outcome = await placeGrouped(request)
  if ('error' in outcome) throw outcome.error
  return outcome
}
