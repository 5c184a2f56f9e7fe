import type { Sql } from '../../../platform/db'
import { ORDER_STATUSES, type Order, type OrderStatus } from '../order'
import { idStartsWith } from './id-prefix.pg'

interface OrderRow extends Omit<Order, 'placedAt' | 'updatedAt' | 'deadlineAt'> {
  placedAt: Date
  updatedAt: Date
  deadlineAt: Date
}

const ORDER_COLUMNS = ['id', 'customer_id', 'payment_id', 'status', 'payment_status', 'stores_status', 'store_statuses', 'lines', 'total_cents', 'rejection', 'version', 'placed_at', 'updated_at', 'deadline_at']

const toOrder = (row: OrderRow): Order => ({
  ...row,
  totalCents: Number(row.totalCents),
  placedAt: row.placedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  deadlineAt: row.deadlineAt.toISOString(),
})

/** The read-model upsert's conflict clause: an existing row takes the new state, never an older one. */
export const keepNewestState = (tx: Sql) => tx`
  on conflict (id) do update set
    status = excluded.status, payment_status = excluded.payment_status, stores_status = excluded.stores_status,
    store_statuses = excluded.store_statuses, rejection = excluded.rejection, version = excluded.version,
    updated_at = excluded.updated_at
  where ordering.orders.version <= excluded.version`

/**
 * Writes orders' states folded from their events, for a rebuild of the read model, in one statement
 * of fixed text. A row it inserts has no Idempotency-Key; an existing row keeps its own, and is never
 * set back to an older version.
 */
export async function upsertOrders(tx: Sql, orders: Order[]): Promise<void> {
  if (orders.length === 0) return
  const column = <T>(value: (order: Order) => T) => orders.map(value)
  // JSON travels as text[] and is cast per row: a jsonb[] parameter would encode each string once more.
  const json = (value: (order: Order) => unknown) => orders.map(order => value(order) == null ? null : JSON.stringify(value(order)))
  await tx`
    insert into ordering.orders (id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines,
                                 total_cents, rejection, version, placed_at, updated_at, deadline_at)
    select id, customer_id, payment_id, status, payment_status, stores_status, store_statuses::jsonb, lines::jsonb,
           total_cents, rejection::jsonb, version, placed_at, updated_at, deadline_at
    from unnest(
      ${column(o => o.id)}::uuid[], ${column(o => o.customerId)}::uuid[], ${column(o => o.paymentId)}::uuid[],
      ${column(o => o.status)}::text[], ${column(o => o.paymentStatus)}::text[], ${column(o => o.storesStatus)}::text[],
      ${json(o => o.storeStatuses)}::text[], ${json(o => o.lines)}::text[], ${column(o => o.totalCents)}::bigint[],
      ${json(o => o.rejection)}::text[], ${column(o => o.version)}::int[],
      ${column(o => o.placedAt)}::timestamptz[], ${column(o => o.updatedAt)}::timestamptz[], ${column(o => o.deadlineAt)}::timestamptz[])
      as v(id, customer_id, payment_id, status, payment_status, stores_status, store_statuses, lines,
           total_cents, rejection, version, placed_at, updated_at, deadline_at)
    ${keepNewestState(tx)}`
}

/** The trace context of the request that placed the order, if it was placed while tracing was on. */
export async function selectOrderTraceparent(db: Sql, id: string): Promise<string | null> {
  const [row] = await db<{ traceparent: string | null }[]>`select traceparent from ordering.orders where id = ${id}`
  return row?.traceparent ?? null
}

export async function selectOrder(db: Sql, id: string): Promise<Order | undefined> {
  const [row] = await db<OrderRow[]>`select ${db(ORDER_COLUMNS)} from ordering.orders where id = ${id}`
  return row && toOrder(row)
}

/** An order placed under an Idempotency-Key, with the fingerprint of the request that placed it. */
export interface KeyedOrderRow {
  order: Order
  fingerprint: string | null
}

export async function selectOrderByIdempotencyKey(db: Sql, customerId: string, key: string): Promise<KeyedOrderRow | undefined> {
  const [row] = await db<(OrderRow & { idempotencyFingerprint: string | null })[]>`
    select ${db(ORDER_COLUMNS)}, idempotency_fingerprint
    from ordering.orders where customer_id = ${customerId} and idempotency_key = ${key}`
  if (!row) return undefined
  const { idempotencyFingerprint, ...order } = row
  return { order: toOrder(order), fingerprint: idempotencyFingerprint }
}

/** The orders created earlier under these customers' Idempotency-Keys, keyed by `idempotencyKeyOf`, in one query. */
export async function selectOrdersByIdempotencyKeys(db: Sql, keys: { customerId: string, key: string }[]): Promise<Map<string, KeyedOrderRow>> {
  if (keys.length === 0) return new Map()
  const rows = await db<(OrderRow & { idempotencyKey: string, idempotencyFingerprint: string | null })[]>`
    select ${db(ORDER_COLUMNS)}, idempotency_key, idempotency_fingerprint
    from ordering.orders
    join unnest(${keys.map(k => k.customerId)}::uuid[], ${keys.map(k => k.key)}::text[]) as wanted(wanted_customer_id, wanted_key)
      on customer_id = wanted_customer_id and idempotency_key = wanted_key`
  return new Map(rows.map(({ idempotencyKey, idempotencyFingerprint, ...row }) =>
    [idempotencyKeyOf(row.customerId, idempotencyKey), { order: toOrder(row), fingerprint: idempotencyFingerprint }]))
}

/**
 * Frees the expired Idempotency-Keys of these orders (placed at or before `placedBy`), so a new order
 * can take them: UNIQUE (customer_id, idempotency_key) holds one order per live key.
 */
export async function releaseIdempotencyKeys(db: Sql, orderIds: string[], placedBy: Date): Promise<void> {
  if (orderIds.length === 0) return
  await db`
    update ordering.orders set idempotency_key = null, idempotency_fingerprint = null
    where id = any(${orderIds}::uuid[]) and placed_at <= ${placedBy}`
}

export const idempotencyKeyOf = (customerId: string, key: string) => `${customerId} ${key}`

export interface OrderListQuery {
  status?: OrderStatus
  customerId?: string
  q?: string
  sort: 'asc' | 'desc'
  page: number
  pageSize: number
}

type OrderFilter = Omit<OrderListQuery, 'sort' | 'page' | 'pageSize'>

/** The WHERE of the order list and its export: status, customer, and the start of an order or customer id. */
const orderFilter = (db: Sql, query: OrderFilter) => db`
  ${query.status === undefined ? db`true` : db`status = ${query.status}`}
  and ${query.customerId === undefined ? db`true` : db`customer_id = ${query.customerId}`}
  and ${query.q === undefined ? db`true` : db`(${idStartsWith(db, 'id', query.q)} or ${idStartsWith(db, 'customer_id', query.q)})`}`

/** The orders the filter matches, in placement order: the page and the export read the same rows. */
const orderList = (db: Sql, query: OrderFilter & { sort: 'asc' | 'desc' }) => db<OrderRow[]>`
  select ${db(ORDER_COLUMNS)} from ordering.orders
  where ${orderFilter(db, query)}
  order by placed_at ${query.sort === 'asc' ? db`asc` : db`desc`}, id`

export async function selectOrders(db: Sql, query: OrderListQuery): Promise<{ total: number, orders: Order[] }> {
  const [{ total } = { total: 0 }] = await db<{ total: number }[]>`select count(*)::int as total from ordering.orders where ${orderFilter(db, query)}`
  const rows = await db<OrderRow[]>`${orderList(db, query)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`
  return { total, orders: rows.map(toOrder) }
}

/**
 * One page of a customer's orders, newest first, after the order `after` (keyset paging: a page
 * stays right while new orders arrive). An `after` that is not one of the customer's orders ends the list.
 */
export async function selectCustomerOrders(db: Sql, customerId: string, page: { after?: string, limit: number }): Promise<{ total: number, orders: Order[] }> {
  const [{ total } = { total: 0 }] = await db<{ total: number }[]>`select count(*)::int as total from ordering.orders where customer_id = ${customerId}`
  const rows = await db<OrderRow[]>`
    select ${db(ORDER_COLUMNS)} from ordering.orders
    where customer_id = ${customerId}
      and ${page.after === undefined
        ? db`true`
        : db`(placed_at, id) < (select placed_at, id from ordering.orders where id = ${page.after} and customer_id = ${customerId})`}
    order by placed_at desc, id desc
    limit ${page.limit}`
  return { total, orders: rows.map(toOrder) }
}

/** Every order selectOrders would page through, read through a cursor `batchSize` rows at a time. */
export async function* cursorOrders(db: Sql, query: OrderFilter & { sort: 'asc' | 'desc' }, batchSize = 500): AsyncGenerator<Order[]> {
  for await (const batch of orderList(db, query).cursor(batchSize)) yield batch.map(toOrder)
}

/** Pending orders whose deadline has passed, for the timeout sweeper. */
export async function selectOverdue(db: Sql, now: Date, limit: number): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select id from ordering.orders where status = 'pending' and deadline_at <= ${now} order by deadline_at limit ${limit}`
  return rows.map(row => row.id)
}

export async function countOrdersByCustomer(db: Sql, customerIds: string[]): Promise<Map<string, number>> {
  const rows = await db<{ customerId: string, count: number }[]>`
    select customer_id, count(*)::int as count from ordering.orders where customer_id = any(${customerIds}::uuid[]) group by customer_id`
  return new Map(rows.map(row => [row.customerId, row.count]))
}

/** Orders in the read model per status, every status present (0 when none): one grouped count over orders_status_idx. */
export async function countOrdersByStatus(db: Sql): Promise<Record<OrderStatus, number>> {
  const rows = await db<{ status: OrderStatus, count: number }[]>`
    select status, count(*)::int as count from ordering.orders group by status`
  const counts = Object.fromEntries(ORDER_STATUSES.map(status => [status, 0])) as Record<OrderStatus, number>
  for (const row of rows) counts[row.status] = row.count
  return counts
}

/**
 * Locks these orders' rows until the transaction ends, in id order, and returns their current state;
 * an unknown order has no entry. Every writer of an existing order's stream starts here, so concurrent
 * writers (several workers, an HTTP command, the deadline sweeper) wait for each other instead of
 * colliding on the next version, and the fixed order keeps two batches from deadlocking. The row is
 * the fold of the order's events, kept so by appendToStreams in the statement that appends them; a
 * locking read returns the row as the previous holder left it, so no events need reading or folding.
 */
export async function lockOrders(tx: Sql, orderIds: string[]): Promise<Map<string, Order>> {
  const rows = await tx<OrderRow[]>`
    select ${tx(ORDER_COLUMNS)} from ordering.orders where id = any(${orderIds}::uuid[]) order by id for update`
  return new Map(rows.map(row => [row.id, toOrder(row)]))
}
