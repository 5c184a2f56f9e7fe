import { config } from '../../../platform/config'
import { db } from '../../../platform/db'
import { groupCommit } from '../../../platform/group-commit'
import { activeTraceparent } from '../../../platform/tracing'
import { priceBaskets } from '../../catalog'
import { findOpenAuthorizations } from '../../payments'
import { placeOrders, type PlaceOrderRequest } from './place-orders'

/**
 * Orders placed by this process's concurrent requests are written together (see groupCommit): up to
 * 100 per statement, at most 4 batches at once. A batch holds one connection of the pool of 10, two
 * while it reads authorizations and prices side by side, so other routes always find two free.
 */
const placeGrouped = groupCommit((requests: PlaceOrderRequest[]) => placeOrders(db(), requests, {
  priceBaskets,
  findOpenAuthorizations,
  now: () => new Date(),
  deadlineMs: config().ORDER_CONFIRM_DEADLINE_MS,
  idempotencyTtlMs: config().PLAZA_IDEMPOTENCY_KEY_TTL_SECONDS * 1000,
}), { maxBatch: 100, maxInFlight: 4, name: 'ordering.place-orders' })

/** Places one order, with whatever other requests of this process are placing orders at the moment; throws why it was refused. */
export async function placeOrder(request: PlaceOrderRequest) {
  const outcome = await placeGrouped({ ...request, traceparent: activeTraceparent() })
  if ('error' in outcome) throw outcome.error
  return outcome
}
