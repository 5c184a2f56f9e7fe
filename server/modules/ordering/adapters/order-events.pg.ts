import type { Sql } from '../../../platform/db'
import type { OrderEvent } from '../order'
import { VersionConflict } from '../errors'

export interface Cause {
  causationId: string | null
  consumer: string | null
  deliveryAttempt: number | null
}

export const HTTP_CAUSE: Cause = { causationId: null, consumer: null, deliveryAttempt: null }

export interface StoredEvent extends Cause {
  position: number
  orderId: string
  version: number
  event: OrderEvent
  messageId: string
  at: string
}

interface EventRow extends Cause {
  position: number
  orderId: string
  version: number
  type: OrderEvent['type']
  data: OrderEvent['data']
  messageId: string
  createdAt: Date
}

const toStored = (row: EventRow): StoredEvent => ({
  position: row.position,
  orderId: row.orderId,
  version: row.version,
  event: { type: row.type, data: row.data } as OrderEvent,
  messageId: row.messageId,
  causationId: row.causationId,
  consumer: row.consumer,
  deliveryAttempt: row.deliveryAttempt,
  at: row.createdAt.toISOString(),
})

/** What every read of the log selects (and an insert returns), as EventRow expects it. */
const EVENT_COLUMNS = ['position', 'order_id', 'version', 'type', 'data', 'message_id', 'causation_id', 'consumer', 'delivery_attempt', 'created_at']

/** The order's stream, optionally only up to a version or a moment (to the millisecond, as the API shows times). */
export async function selectEvents(db: Sql, orderId: string, upTo: { version?: number, at?: Date } = {}): Promise<StoredEvent[]> {
  const rows = await db<EventRow[]>`
    select ${db(EVENT_COLUMNS)}
    from ordering.order_events
    where order_id = ${orderId}
      and ${upTo.version === undefined ? db`true` : db`version <= ${upTo.version}`}
      and ${upTo.at === undefined ? db`true` : db`date_trunc('milliseconds', created_at) <= ${upTo.at}`}
    order by version`
  return rows.map(toStored)
}

/**
 * Appends events after `expectedVersion`. UNIQUE (order_id, version) turns a concurrent append into
 * a VersionConflict, and the caller retries on the new state.
 */
export async function insertEvents(tx: Sql, orderId: string, expectedVersion: number, events: OrderEvent[], cause: Cause): Promise<StoredEvent[]> {
  return insertEventsOfOrders(tx, events.map((event, index) => ({ orderId, version: expectedVersion + index + 1, event, cause })))
}

export interface EventFilter {
  orderId?: string
  type?: string
  sort: 'asc' | 'desc'
}

export interface EventPage extends EventFilter {
  page: number
  pageSize: number
}

/** The WHERE of the event log and its export: one order's events, one type of event, or both. */
const eventFilter = (db: Sql, query: EventFilter) => db`
  ${query.orderId === undefined ? db`true` : db`order_id = ${query.orderId}`}
  and ${query.type === undefined ? db`true` : db`type = ${query.type}`}`

/** The log's events the filter matches, in log order: the page and the export read the same rows. */
const eventLog = (db: Sql, query: EventFilter) => db<EventRow[]>`
  select ${db(EVENT_COLUMNS)} from ordering.order_events
  where ${eventFilter(db, query)}
  order by position ${query.sort === 'asc' ? db`asc` : db`desc`}`

/** Every event of every order, for the event-sourcing view. */
export async function selectAllEvents(db: Sql, query: EventPage): Promise<{ total: number, events: StoredEvent[] }> {
  const [{ total } = { total: 0 }] = await db<{ total: number }[]>`select count(*)::int as total from ordering.order_events where ${eventFilter(db, query)}`
  const rows = await db<EventRow[]>`${eventLog(db, query)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`
  return { total, events: rows.map(toStored) }
}

/** Every event selectAllEvents would page through, read through a cursor `batchSize` rows at a time. */
export async function* cursorEvents(db: Sql, query: EventFilter, batchSize = 500): AsyncGenerator<StoredEvent[]> {
  for await (const batch of eventLog(db, query).cursor(batchSize)) yield batch.map(toStored)
}

/** The streams of several orders in one query, keyed by order id; an unknown order has no entry. */
export async function selectEventsOfOrders(db: Sql, orderIds: string[]): Promise<Map<string, StoredEvent[]>> {
  const rows = await db<EventRow[]>`
    select ${db(EVENT_COLUMNS)}
    from ordering.order_events
    where order_id = any(${orderIds}::uuid[])
    order by order_id, version`
  const streams = new Map<string, StoredEvent[]>()
  for (const row of rows) {
    const stream = streams.get(row.orderId) ?? []
    stream.push(toStored(row))
    streams.set(row.orderId, stream)
  }
  return streams
}

export interface NewEvent {
  orderId: string
  version: number
  event: OrderEvent
  cause: Cause
}

/**
 * Appends events of several orders in one statement, each at the version its writer expected.
 * Any collision with a concurrent append fails the whole statement as a VersionConflict.
 */
export async function insertEventsOfOrders(tx: Sql, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return []
  const column = <T>(value: (event: NewEvent) => T) => events.map(value)
  try {
    // One statement text whatever the number of events (unnest, not a VALUES list per count): each
    // distinct text would be prepared and kept on every connection, on both sides. JSON travels as
    // text[] and is cast per row.
    const inserted = await tx<EventRow[]>`
      insert into ordering.order_events (order_id, version, type, data, causation_id, consumer, delivery_attempt)
      select order_id, version, type, data::jsonb, causation_id, consumer, delivery_attempt
      from unnest(
        ${column(e => e.orderId)}::uuid[], ${column(e => e.version)}::int[], ${column(e => e.event.type)}::text[],
        ${column(e => JSON.stringify(e.event.data))}::text[], ${column(e => e.cause.causationId)}::uuid[],
        ${column(e => e.cause.consumer)}::text[], ${column(e => e.cause.deliveryAttempt)}::int[])
        as e(order_id, version, type, data, causation_id, consumer, delivery_attempt)
      returning ${tx(EVENT_COLUMNS)}`
    return inserted.map(toStored)
  }
  catch (error) {
    if ((error as { code?: string }).code === '23505' && (error as { constraint_name?: string }).constraint_name === 'order_events_order_id_version_key') {
      throw new VersionConflict(/\(order_id, version\)=\(([^,]+),/.exec((error as { detail?: string }).detail ?? '')?.[1] ?? events[0]!.orderId)
    }
    throw error
  }
}
