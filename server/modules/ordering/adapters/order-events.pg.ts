import type { Sql } from '../../../platform/db'
import type { OrderEvent } from '../order'
import { idStartsWith } from './id-prefix.pg'
import type { Cause } from './order-streams.pg'

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

export interface EventFilter {
  /** An order id, or the start of one. */
  orderId?: string
  type?: string
  sort: 'asc' | 'desc'
}

export interface EventPage extends EventFilter {
  page: number
  pageSize: number
}

/** The WHERE of the event log and its export: the events of the orders whose id starts so, of one type, or both. */
const eventFilter = (db: Sql, query: EventFilter) => db`
  ${query.orderId === undefined ? db`true` : idStartsWith(db, 'order_id', query.orderId)}
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
