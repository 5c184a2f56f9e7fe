import type { Sql } from '../../../platform/db'
import { commitReservations, releaseReservations } from '../adapters/reservations.pg'

/** Rejection, cancel or timeout: reserved units go back on the shelf. Idempotent. */
export function releaseOrderStock(tx: Sql, orderId: string) {
  return releaseReservations(tx, orderId)
}

/** Paid: the reserved units are sold for good. Idempotent. */
export function commitOrderStock(tx: Sql, orderId: string) {
  return commitReservations(tx, orderId)
}
