import type { Sql } from '../../../platform/db'

export interface LineToReserve {
  productId: string
  name: string
  quantity: number
}

/** Takes the units from stock only if enough are there: a conditional update, never read-then-write. */
export async function takeStock(tx: Sql, productId: string, quantity: number): Promise<boolean> {
  const rows = await tx`update catalog.products set stock = stock - ${quantity}, updated_at = now() where id = ${productId} and stock >= ${quantity} returning 1`
  return rows.length === 1
}

export async function availableStock(tx: Sql, productIds: string[]): Promise<Map<string, number>> {
  const rows = await tx<{ id: string, stock: number }[]>`select id, stock from catalog.products where id = any(${productIds}::uuid[])`
  return new Map(rows.map(row => [row.id, row.stock]))
}

export async function insertReservations(tx: Sql, orderId: string, storeId: string, lines: LineToReserve[]): Promise<void> {
  await tx`
    insert into catalog.reservations ${tx(lines.map(line => ({ order_id: orderId, product_id: line.productId, store_id: storeId, quantity: line.quantity, status: 'reserved' })))}
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
