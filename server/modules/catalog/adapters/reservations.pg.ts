import type { Sql } from '../../../platform/db'

/**
 * Locks the products' rows, in id order so that concurrent batches never deadlock, and returns
 * their stock. Until the transaction ends nobody else can take these units.
 */
export async function lockStock(tx: Sql, productIds: string[]): Promise<Map<string, number>> {
  const rows = await tx<{ id: string, stock: number }[]>`
    select id, stock from catalog.products where id = any(${productIds}::uuid[]) order by id for update`
  return new Map(rows.map(row => [row.id, row.stock]))
}

/**
 * lockStock for a batch that also closes orders: locks, in id order and in one statement, these
 * products and those the closing orders hold reserved (a subquery in WHERE takes no row locks).
 */
export async function lockProductsAndReserved(tx: Sql, productIds: string[], closingOrderIds: string[]): Promise<void> {
  await tx`
    select 1 from catalog.products
    where id = any(${productIds}::uuid[])
       or id in (select product_id from catalog.reservations where order_id = any(${closingOrderIds}::uuid[]) and status = 'reserved')
    order by id
    for update`
}

/** The first key of the catalog's advisory locks on orders: its own space, apart from any other advisory lock. */
const ORDER_STOCK_LOCK = 7_301

/**
 * Locks the stock work of these orders until the transaction ends (one advisory lock per order:
 * the catalog keeps no row per open order to lock). Taken in key order, so transactions locking
 * overlapping sets wait for each other instead of deadlocking.
 */
export async function lockOrderStock(tx: Sql, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return
  await tx`
    select pg_advisory_xact_lock(${ORDER_STOCK_LOCK}, key)
    from (select distinct hashtext(id::text) as key from unnest(${orderIds}::uuid[]) as id order by key) as keys`
}

/** Takes units of locked products (see lockStock) off the shelf, in one statement. */
export async function takeStock(tx: Sql, taken: Map<string, number>): Promise<void> {
  if (taken.size === 0) return
  await tx`
    update catalog.products p set stock = p.stock - t.quantity, updated_at = now()
    from unnest(${[...taken.keys()]}::uuid[], ${[...taken.values()]}::int[]) as t(id, quantity)
    where p.id = t.id`
}

export interface ReservedLine {
  orderId: string
  storeId: string
  productId: string
  quantity: number
}

export async function insertReservations(tx: Sql, lines: ReservedLine[]): Promise<void> {
  if (lines.length === 0) return
  await tx`
    insert into catalog.reservations (order_id, store_id, product_id, quantity, status)
    select order_id, store_id, product_id, quantity, 'reserved'
    from unnest(${lines.map(l => l.orderId)}::uuid[], ${lines.map(l => l.storeId)}::uuid[], ${lines.map(l => l.productId)}::uuid[], ${lines.map(l => l.quantity)}::int[])
      as r(order_id, store_id, product_id, quantity)
    on conflict (order_id, product_id) do nothing`
}

/** Of these orders, the ones closed (released or committed): a late reservation for them is skipped. */
export async function selectClosedOrders(tx: Sql, orderIds: string[]): Promise<Set<string>> {
  const rows = await tx<{ orderId: string }[]>`select order_id from catalog.closed_orders where order_id = any(${orderIds}::uuid[])`
  return new Set(rows.map(row => row.orderId))
}

/** Of these orders, the (order, store) pairs that hold reservations already, as "orderId/storeId" keys. */
export async function selectReservedStores(tx: Sql, orderIds: string[]): Promise<Set<string>> {
  const rows = await tx<{ orderId: string, storeId: string }[]>`
    select distinct order_id, store_id from catalog.reservations where order_id = any(${orderIds}::uuid[])`
  return new Set(rows.map(row => reservedKey(row.orderId, row.storeId)))
}

export const reservedKey = (orderId: string, storeId: string) => `${orderId}/${storeId}`

/** Gives the order's reserved units back to stock and marks the order closed, in one statement each. */
export async function releaseReservations(tx: Sql, orderId: string): Promise<number> {
  await tx`insert into catalog.closed_orders (order_id) values (${orderId}) on conflict do nothing`
  const released = await tx<{ productId: string, quantity: number }[]>`
    update catalog.reservations set status = 'released', updated_at = now()
    where order_id = ${orderId} and status = 'reserved'
    returning product_id, quantity`
  for (const line of released.sort((a, b) => a.productId.localeCompare(b.productId))) {
    await tx`update catalog.products set stock = stock + ${line.quantity}, updated_at = now() where id = ${line.productId}`
  }
  return released.length
}

export async function commitReservations(tx: Sql, orderId: string): Promise<number> {
  await tx`insert into catalog.closed_orders (order_id) values (${orderId}) on conflict do nothing`
  const committed = await tx`
    update catalog.reservations set status = 'committed', updated_at = now()
    where order_id = ${orderId} and status = 'reserved'`
  return committed.count
}
