import type { Sql } from '../../../platform/db'
import { OUTBOX_CHANNEL, type OutgoingMessage } from '../../../platform/outbox'
import type { Order, OrderEvent } from '../order'

/** A new order ready to write: its first event, the read-model row that event produces, its outgoing message. */
export interface NewOrder {
  event: Extract<OrderEvent, { type: 'OrderPlaced' }>
  /** evolve()'s state after the event; its placedAt and updatedAt are replaced by the statement's clock. */
  order: Order
  idempotencyKey: string | undefined
  /** Its payload's occurredAt is replaced by the statement's clock as well. */
  message: OutgoingMessage
}

/**
 * Writes new orders in one statement, whatever their number: each order's first event, its read-model
 * row and its outbox row, then wakes the relay and the live listeners. A single statement commits on
 * its own, so placing orders costs one round trip, not a transaction's half dozen. All rows carry the
 * statement's time (to the millisecond, as events are shown), which is returned: the event's created_at,
 * the order's placed_at and updated_at, and the message's occurredAt agree exactly.
 *
 * Any unique violation (a payment that already funds an order, an Idempotency-Key seen before) fails
 * the whole statement and writes nothing.
 */
export async function insertNewOrders(db: Sql, orderChangedChannel: string, orders: NewOrder[]): Promise<Date> {
  const column = <T>(value: (order: NewOrder) => T) => orders.map(value)
  // JSON travels as text[] and is cast per row: a jsonb[] parameter would encode each string once more.
  const json = (value: (order: NewOrder) => unknown) => orders.map(order => JSON.stringify(value(order)))
  const [{ at }] = await db<[{ at: Date }]>`
    with placed as (
      select v.*, date_trunc('milliseconds', now()) as at
      from unnest(
        ${column(o => o.order.id)}::uuid[], ${column(o => o.order.customerId)}::uuid[], ${column(o => o.order.paymentId)}::uuid[],
        ${column(o => o.order.status)}::text[], ${column(o => o.order.paymentStatus)}::text[], ${column(o => o.order.storesStatus)}::text[],
        ${json(o => o.order.storeStatuses)}::text[], ${json(o => o.order.lines)}::text[], ${column(o => o.order.totalCents)}::bigint[],
        ${column(o => o.order.version)}::int[], ${column(o => o.idempotencyKey ?? null)}::text[], ${column(o => o.order.deadlineAt)}::timestamptz[],
        ${column(o => o.event.type)}::text[], ${json(o => o.event.data)}::text[],
        ${column(o => o.message.id)}::uuid[], ${column(o => o.message.subject)}::text[], ${json(o => o.message.payload)}::text[])
        as v(id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines, total_cents,
             version, idempotency_key, deadline_at, type, data, message_id, subject, payload)
    ), events as (
      insert into ordering.order_events (order_id, version, type, data, message_id, created_at)
      select id, version, type, data::jsonb, message_id, at from placed
    ), read_model as (
      insert into ordering.orders (id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines,
                                   total_cents, rejection, version, idempotency_key, placed_at, updated_at, deadline_at)
      select id, customer_id, payment_id, status, payment_status, stores_status, store_statuses::jsonb, lines::jsonb,
             total_cents, null, version, idempotency_key, at, at, deadline_at
      from placed
    ), outbox as (
      insert into platform.outbox (id, subject, payload)
      select message_id, subject, payload::jsonb || jsonb_build_object('occurredAt', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      from placed
    )
    select (select at from placed limit 1) as at,
           pg_notify(${OUTBOX_CHANNEL}, ''),
           (select count(pg_notify(${orderChangedChannel}, id::text)) from placed) as notified`
  return at
}
