import type { Sql, Tx } from '../../../platform/db'
import { availableStock, commitReservations, insertReservations, releaseReservations, takeStock, type LineToReserve } from '../adapters/reservations.pg'

export type ReservationOutcome =
  | { outcome: 'confirmed' }
  | { outcome: 'rejected', shortLines: { productId: string, name: string, requested: number, available: number }[] }
  | { outcome: 'skipped' }

/**
 * Reserves all of one store's lines of an order, or none: each line takes its units with a
 * conditional update inside a savepoint, and one short line rolls the store's others back.
 */
export async function reserveAllOrNone(tx: Tx, orderId: string, storeId: string, lines: LineToReserve[]): Promise<Exclude<ReservationOutcome, { outcome: 'skipped' }>> {
  // A fixed lock order (by product id) keeps concurrent orders from deadlocking on the same rows.
  const sorted = [...lines].sort((a, b) => a.productId.localeCompare(b.productId))
  const short: LineToReserve[] = []
  try {
    await tx.savepoint(async (savepoint) => {
      for (const line of sorted) {
        if (!(await takeStock(savepoint, line.productId, line.quantity))) short.push(line)
      }
      if (short.length > 0) throw new ShortOfStock()
      await insertReservations(savepoint, orderId, storeId, sorted)
    })
    return { outcome: 'confirmed' }
  }
  catch (error) {
    if (!(error instanceof ShortOfStock)) throw error
    const available = await availableStock(tx, short.map(line => line.productId))
    return {
      outcome: 'rejected',
      shortLines: short.map(line => ({ productId: line.productId, name: line.name, requested: line.quantity, available: available.get(line.productId) ?? 0 })),
    }
  }
}

class ShortOfStock extends Error {}

/** Rejection, cancel or timeout: reserved units go back on the shelf. Idempotent. */
export function releaseOrderStock(tx: Sql, orderId: string) {
  return releaseReservations(tx, orderId)
}

/** Paid: the reserved units are sold for good. Idempotent. */
export function commitOrderStock(tx: Sql, orderId: string) {
  return commitReservations(tx, orderId)
}
