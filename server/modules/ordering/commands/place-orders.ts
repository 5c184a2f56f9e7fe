import { randomUUID } from 'node:crypto'
import type { Db, Sql } from '../../../platform/db'
import { DomainError } from '../../../platform/errors'
import { appendToStreams, HTTP_CAUSE, type StreamAppend } from '../adapters/order-streams.pg'
import { idempotencyKeyOf, releaseIdempotencyKeys, selectOrderByIdempotencyKey, selectOrdersByIdempotencyKeys } from '../adapters/orders.pg'
import { fingerprintOf, judgeRetry, keyReused } from '../idempotency'
import { integrationMessage } from '../messages'
import { evolve, totalOf, type Order, type OrderLine } from '../order'
import type { PlaceOrderInput } from '../schemas'

/** What placing orders needs from other modules and the world, passed in by the caller. */
export interface PlaceOrderPorts {
  /** Each basket priced from the catalog: its lines, or the UNPROCESSABLE error naming what is not on sale. */
  priceBaskets: (db: Sql, baskets: { productId: string, quantity: number }[][]) => Promise<(OrderLine[] | DomainError)[]>
  /** Of these payments, those still open to fund an order, each with the customer it belongs to. */
  findOpenAuthorizations: (db: Sql, paymentIds: string[]) => Promise<Map<string, string>>
  now: () => Date
  deadlineMs: number
  /** How long an Idempotency-Key replays its order; after that it places a new one. */
  idempotencyTtlMs: number
}

/**
 * `traceparent`: the trace context of the request placing it (tracing on), for its outbox row; the
 * orders of several requests are written in one batch, whose active context is only one of them.
 */
export type PlaceOrderRequest = PlaceOrderInput & { idempotencyKey?: string, traceparent?: string | null }

/** Per request: the order (new, or the one its Idempotency-Key created before), or why it was refused. */
export type PlaceOrderOutcome = { order: Order, created: boolean } | { error: unknown }

/** Repeated product ids are one line with the quantities added up. */
function mergeItems(items: PlaceOrderInput['items']) {
  const quantities = new Map<string, number>()
  for (const item of items) quantities.set(item.productId, (quantities.get(item.productId) ?? 0) + item.quantity)
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity }))
}

/**
 * Places orders: each one's OrderPlaced, read-model row and outbox row commit together, and so do
 * those of all the requests given at once (at most four queries, whatever their number, and one more
 * when an expired key is reused). Prices come from the catalog, never from the client. A retried
 * request with the same Idempotency-Key and the same payment and basket gets the order it created the
 * first time; the key with another body is refused while it lives (idempotency.ts). One refused
 * request does not refuse the others: if the write fails on a unique index, each request is placed
 * again on its own and gets its own answer.
 */
export async function placeOrders(db: Db, requests: PlaceOrderRequest[], ports: PlaceOrderPorts): Promise<PlaceOrderOutcome[]> {
  const now = ports.now()
  const outcomes = new Map<PlaceOrderRequest, PlaceOrderOutcome>()
  const earlier = await selectOrdersByIdempotencyKeys(db, requests.flatMap(request =>
    request.idempotencyKey === undefined ? [] : [{ customerId: request.customerId, key: request.idempotencyKey }]))
  const expired: string[] = []
  for (const request of requests) {
    const seen = request.idempotencyKey === undefined ? undefined : earlier.get(idempotencyKeyOf(request.customerId, request.idempotencyKey))
    if (!seen) continue
    const verdict = judgeRetry({ placedAt: seen.order.placedAt, fingerprint: seen.fingerprint }, fingerprintOf(request), now, ports.idempotencyTtlMs)
    if (verdict === 'replay') outcomes.set(request, { order: seen.order, created: false })
    else if (verdict === 'expired') expired.push(seen.order.id)
    else outcomes.set(request, { error: verdict })
  }
  await releaseIdempotencyKeys(db, expired, new Date(now.getTime() - ports.idempotencyTtlMs))
  const fresh = requests.filter(request => !outcomes.has(request))
  const [open, baskets] = fresh.length === 0
    ? [new Map<string, string>(), []]
    : await Promise.all([ports.findOpenAuthorizations(db, fresh.map(request => request.paymentId)), ports.priceBaskets(db, fresh.map(request => mergeItems(request.items)))])

  const pricedBasketOf = new Map(fresh.map((request, index) => [request, baskets[index]!]))
  const toWrite: { request: PlaceOrderRequest, placed: StreamAppend }[] = []
  for (const request of fresh) {
    const lines = pricedBasketOf.get(request)!
    if (open.get(request.paymentId) !== request.customerId) outcomes.set(request, { error: new DomainError('UNPROCESSABLE', 'That payment is unknown, not yours, or already used') })
    else if (lines instanceof DomainError) outcomes.set(request, { error: lines })
    else toWrite.push({ request, placed: newOrder(request, lines, now, ports.deadlineMs) })
  }

  if (toWrite.length > 0) {
    try {
      const at = (await appendToStreams(db, toWrite.map(({ placed }) => placed))).toISOString()
      for (const { request, placed } of toWrite) outcomes.set(request, { order: { ...placed.order, placedAt: at, updatedAt: at }, created: true })
    }
    catch (error) {
      if (toWrite.length === 1) outcomes.set(toWrite[0]!.request, await refusedWrite(db, toWrite[0]!.request, error))
      else if (isUniqueViolation(error)) for (const { request } of toWrite) outcomes.set(request, (await placeOrders(db, [request], ports))[0]!)
      else throw error
    }
  }
  return requests.map(request => outcomes.get(request)!)
}

/** What one new order appends: its OrderPlaced, the state it starts in, and the message that announces it. */
export function newOrder(request: PlaceOrderRequest, lines: OrderLine[], now: Date, deadlineMs: number): StreamAppend {
  const event = {
    type: 'OrderPlaced' as const,
    data: {
      customerId: request.customerId,
      paymentId: request.paymentId,
      lines,
      totalCents: totalOf(lines),
      deadlineAt: new Date(now.getTime() + deadlineMs).toISOString(),
    },
  }
  // The event's time is the insert's; until then the web's clock stands in, and the insert replaces it.
  const order = evolve(undefined, event, { orderId: randomUUID(), version: 1, at: now.toISOString() })
  const messageId = randomUUID()
  return {
    order,
    events: [{ version: 1, event, messageId, cause: HTTP_CAUSE }],
    messages: integrationMessage(order, event, messageId, HTTP_CAUSE.causationId).map(message => ({ ...message, traceparent: request.traceparent })),
    idempotencyKey: request.idempotencyKey,
    idempotencyFingerprint: request.idempotencyKey === undefined ? undefined : fingerprintOf(request),
  }
}

/**
 * A lone order the database refused. A retried request racing the first one trips over whichever
 * unique index Postgres checks first: the key's, or the payment's (the retry names the same payment).
 * Either way, the order the first request created is the answer, if the two asked for the same order.
 */
async function refusedWrite(db: Db, request: PlaceOrderRequest, error: unknown): Promise<PlaceOrderOutcome> {
  const constraint = (error as { constraint_name?: string }).constraint_name
  if ((constraint === 'orders_customer_id_idempotency_key_key' || constraint === 'orders_payment_id_key') && request.idempotencyKey !== undefined) {
    const first = await selectOrderByIdempotencyKey(db, request.customerId, request.idempotencyKey)
    if (first) return first.fingerprint === null || first.fingerprint === fingerprintOf(request) ? { order: first.order, created: false } : { error: keyReused() }
  }
  if (constraint === 'orders_payment_id_key') return { error: new DomainError('CONFLICT', 'That payment already funds another order') }
  throw error
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'
