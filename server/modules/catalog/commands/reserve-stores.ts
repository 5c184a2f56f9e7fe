import type { Tx } from '../../../platform/db'
import { insertReservations, lockOrderStock, lockProductsAndReserved, lockStock, reservedKey, selectClosedOrders, selectReservedStores, takeStock } from '../adapters/reservations.pg'
import { allocateStock, type Allocation, type StoreLines } from '../allocation'

/** One store's share of a placed order. */
export type StoreReservation = StoreLines

export type ReservationOutcome = Allocation | { outcome: 'skipped' }

/**
 * Reserves many stores' lines inside the caller's transaction, each store all or none, first come
 * first served in the given order, in a fixed number of statements whatever the batch size. Two
 * queries find what needs no work: an order already closed (rejected or cancelled before this store
 * answered) is skipped; a store that holds its reservation already (a redelivery) is confirmed
 * again. The rest lock their products, are allocated in memory, and take their units in one update.
 */
export async function reserveStores(tx: Tx, requests: StoreReservation[]): Promise<ReservationOutcome[]> {
  if (requests.length === 0) return []
  const orderIds = [...new Set(requests.map(request => request.orderId))]
  const [closed, reserved] = await Promise.all([selectClosedOrders(tx, orderIds), selectReservedStores(tx, orderIds)])
  const isNew = (request: StoreReservation) => !closed.has(request.orderId) && !reserved.has(reservedKey(request.orderId, request.storeId))
  const fresh = requests.filter(isNew)
  const stock = fresh.length > 0 ? await lockStock(tx, [...new Set(fresh.flatMap(request => request.lines.map(line => line.productId)))]) : new Map()
  const { allocations, taken } = allocateStock(stock, fresh)
  await takeStock(tx, taken)
  await insertReservations(tx, fresh.flatMap((request, index) => allocations[index]!.outcome === 'confirmed'
    ? request.lines.map(line => ({ orderId: request.orderId, storeId: request.storeId, productId: line.productId, quantity: line.quantity }))
    : []))
  const allocated = new Map(fresh.map((request, index) => [request, allocations[index]!]))
  return requests.map(request => closed.has(request.orderId) ? { outcome: 'skipped' } : allocated.get(request) ?? { outcome: 'confirmed' })
}

/**
 * Call first in a transaction that reserves for `requests` or closes `closingOrderIds` (release or
 * commit). It takes two kinds of locks, each in a fixed order:
 * - The orders': a reservation checks that its order is not closed before it takes units, and a
 *   closing still uncommitted is invisible to that check. Two workers (or two batches of one) could
 *   then close an order and reserve for it at once, and the units taken would never come back. Each
 *   order of the batch is locked, so one of the two waits and then sees what the other did.
 * - The products': releasing gives units back one order at a time, so two batches could take the
 *   same products in different orders and deadlock before reserveStores locks them in id order. With
 *   closings, every product the batch may change is locked up front, in id order.
 */
export async function lockStockFor(tx: Tx, requests: StoreReservation[], closingOrderIds: string[]): Promise<void> {
  await lockOrderStock(tx, [...closingOrderIds, ...requests.map(request => request.orderId)])
  if (closingOrderIds.length === 0) return
  await lockProductsAndReserved(tx, [...new Set(requests.flatMap(request => request.lines.map(line => line.productId)))], closingOrderIds)
}
