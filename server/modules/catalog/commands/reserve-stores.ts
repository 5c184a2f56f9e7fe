import type { Tx } from '../../../platform/db'
import { reservedKey, selectClosedOrders, selectReservedStores, type LineToReserve } from '../adapters/reservations.pg'
import { reserveAllOrNone, type ReservationOutcome } from './reservations'

/** One store's share of a placed order. */
export interface StoreReservation {
  orderId: string
  storeId: string
  lines: LineToReserve[]
}

/**
 * Reserves many stores' lines inside the caller's transaction, each store all or none, in the
 * given order. Two queries find what needs no work: an order already closed (rejected or cancelled
 * before this store answered) is skipped; a store that holds its reservation already (a
 * redelivery) is confirmed again.
 */
export async function reserveStores(tx: Tx, requests: StoreReservation[]): Promise<ReservationOutcome[]> {
  if (requests.length === 0) return []
  const orderIds = [...new Set(requests.map(request => request.orderId))]
  const [closed, reserved] = await Promise.all([selectClosedOrders(tx, orderIds), selectReservedStores(tx, orderIds)])
  const outcomes: ReservationOutcome[] = []
  for (const { orderId, storeId, lines } of requests) {
    if (closed.has(orderId)) outcomes.push({ outcome: 'skipped' })
    else if (reserved.has(reservedKey(orderId, storeId))) outcomes.push({ outcome: 'confirmed' })
    else outcomes.push(await reserveAllOrNone(tx, orderId, storeId, lines))
  }
  return outcomes
}
