import type { Sql } from '../../../platform/db'
import { afterCommitPublisher, OUTBOX_CHANNEL, traceparentOf, type OutgoingMessage } from '../../../platform/outbox'
import { VersionConflict } from '../errors'
import type { Order, OrderEvent } from '../order'
import { keepNewestState } from './orders.pg'

/** Live listeners (SSE) hear every changed order's id on this channel. */
export const ORDER_CHANGED_CHANNEL = 'plaza_order_changed'

/** Who or what caused an event: the message, consumer and delivery behind it (all null for an HTTP command). */
export interface Cause {
  causationId: string | null
  consumer: string | null
  deliveryAttempt: number | null
}

export const HTTP_CAUSE: Cause = { causationId: null, consumer: null, deliveryAttempt: null }

/** One order's change: its new events at their expected versions, its state after them, the messages they publish. */
export interface StreamAppend {
  /** evolve()'s state after the events; its updatedAt (and a new order's placedAt) become the statement's clock. */
  order: Order
  events: { version: number, event: OrderEvent, messageId: string, cause: Cause }[]
  /** Without occurredAt: the statement stamps its clock on each. */
  messages: OutgoingMessage[]
  /** A new order's Idempotency-Key, if its request had one, and the fingerprint of that request (idempotency.ts). */
  idempotencyKey?: string
  idempotencyFingerprint?: string
}

/**
 * The one write path of order streams, for new and existing orders alike, in one statement whatever
 * their number: the events at their expected versions, the read-model rows, the outbox rows, and the
 * wake-ups of the live listeners and (when this process does not publish the rows itself once they
 * commit: afterCommitPublisher) of the relay. Everything carries the statement's clock (to the
 * millisecond, as times are shown), which it returns: events' created_at, the rows' updated_at,
 * messages' occurredAt agree exactly.
 *
 * A concurrent append at the same version fails the statement as a VersionConflict; any other unique
 * violation (a payment that already funds an order, an Idempotency-Key seen before) fails it as is.
 * Either way nothing is written.
 */
export async function appendToStreams(tx: Sql, appends: StreamAppend[]): Promise<Date> {
  const events = appends.flatMap(({ order, events }) => events.map(event => ({ ...event, orderId: order.id })))
  const messages = appends.flatMap(append => append.messages)
  const traceparents = messages.map(traceparentOf)
  const publish = afterCommitPublisher(tx)
  const column = <R, T>(rows: R[], value: (row: R) => T) => rows.map(value)
  // JSON travels as text[] and is cast per row: a jsonb[] parameter would encode each string once more.
  const json = <R>(rows: R[], value: (row: R) => unknown) => rows.map(row => value(row) == null ? null : JSON.stringify(value(row)))
  // A new order keeps the trace context its OrderPlaced carries (tracing on): paying or cancelling it continues that trace.
  const orders = appends.map(({ order, events, messages, idempotencyKey, idempotencyFingerprint }) => ({ ...order, isNew: events[0]?.version === 1, idempotencyKey, idempotencyFingerprint, traceparent: messages[0]?.traceparent ?? null }))
  try {
    const [{ at }] = await tx<[{ at: Date }]>`
      with clock as (
        select date_trunc('milliseconds', now()) as at
      ), appended as (
        insert into ordering.order_events (order_id, version, type, data, message_id, causation_id, consumer, delivery_attempt, created_at)
        select e.order_id, e.version, e.type, e.data::jsonb, e.message_id, e.causation_id, e.consumer, e.delivery_attempt, clock.at
        from clock, unnest(
          ${column(events, e => e.orderId)}::uuid[], ${column(events, e => e.version)}::int[], ${column(events, e => e.event.type)}::text[],
          ${json(events, e => e.event.data)}::text[], ${column(events, e => e.messageId)}::uuid[], ${column(events, e => e.cause.causationId)}::uuid[],
          ${column(events, e => e.cause.consumer)}::text[], ${column(events, e => e.cause.deliveryAttempt)}::int[])
          as e(order_id, version, type, data, message_id, causation_id, consumer, delivery_attempt)
      ), read_model as (
        insert into ordering.orders (id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines,
                                     total_cents, rejection, version, idempotency_key, idempotency_fingerprint, placed_at, updated_at, deadline_at, traceparent)
        select o.id, o.customer_id, o.payment_id, o.status, o.payment_status, o.stores_status, o.store_statuses::jsonb, o.lines::jsonb,
               o.total_cents, o.rejection::jsonb, o.version, o.idempotency_key, o.idempotency_fingerprint, coalesce(o.placed_at, clock.at), clock.at, o.deadline_at, o.traceparent
        from clock, unnest(
          ${column(orders, o => o.id)}::uuid[], ${column(orders, o => o.customerId)}::uuid[], ${column(orders, o => o.paymentId)}::uuid[],
          ${column(orders, o => o.status)}::text[], ${column(orders, o => o.paymentStatus)}::text[], ${column(orders, o => o.storesStatus)}::text[],
          ${json(orders, o => o.storeStatuses)}::text[], ${json(orders, o => o.lines)}::text[], ${column(orders, o => o.totalCents)}::bigint[],
          ${json(orders, o => o.rejection)}::text[], ${column(orders, o => o.version)}::int[], ${column(orders, o => o.idempotencyKey ?? null)}::text[],
          ${column(orders, o => o.idempotencyFingerprint ?? null)}::text[],
          ${column(orders, o => o.isNew ? null : o.placedAt)}::timestamptz[], ${column(orders, o => o.deadlineAt)}::timestamptz[],
          ${column(orders, o => o.traceparent)}::text[])
          as o(id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines,
               total_cents, rejection, version, idempotency_key, idempotency_fingerprint, placed_at, deadline_at, traceparent)
        ${keepNewestState(tx)}
      ), queued as (
        insert into platform.outbox (id, subject, payload, traceparent)
        select m.id, m.subject, m.payload::jsonb || jsonb_build_object('occurredAt', to_char(clock.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), m.traceparent
        from clock, unnest(${column(messages, m => m.id)}::uuid[], ${column(messages, m => m.subject)}::text[], ${json(messages, m => m.payload)}::text[],
                           ${traceparents}::text[])
          as m(id, subject, payload, traceparent)
      )
      select clock.at,
             (select count(pg_notify(${ORDER_CHANGED_CHANNEL}, id::text)) from unnest(${column(orders, o => o.id)}::uuid[]) as id) as listeners_woken,
             (select pg_notify(${OUTBOX_CHANNEL}, ${messages[0]?.id ?? ''}) where ${messages.length > 0 && !publish}) as relay_woken
      from clock`
    // The payloads as the statement stored them: its clock is a whole millisecond, as toISOString() writes it.
    publish?.(messages.map((m, i) => ({ id: m.id, subject: m.subject, payload: { ...m.payload, occurredAt: at.toISOString() }, traceparent: traceparents[i] ?? null })))
    return at
  }
  catch (error) {
    throw asVersionConflict(error) ?? error
  }
}

/** UNIQUE (order_id, version) refused an event: another writer appended to that order first. */
function asVersionConflict(error: unknown): VersionConflict | undefined {
  const { code, constraint_name: constraint, detail } = error as { code?: string, constraint_name?: string, detail?: string }
  if (code !== '23505' || constraint !== 'order_events_order_id_version_key') return undefined
  return new VersionConflict(/\(order_id, version\)=\(([^,]+),/.exec(detail ?? '')?.[1] ?? 'unknown')
}
