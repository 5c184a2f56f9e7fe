import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { lockStockFor, releaseOrderStock, reserveStores, type StoreReservation } from '../../server/modules/catalog'
import { seedStore, signedInAdmin } from '../support/admin'

const sql = postgres(inject('databaseUrl'), { max: 4, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
afterAll(() => sql.end({ timeout: 1 }))

const stockOf = async (productId: string) => (await sql<{ stock: number }[]>`select stock from catalog.products where id = ${productId}`)[0]!.stock

/** Resolves when the test says so: holds a transaction open at a chosen point. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>(resolve => (open = resolve))
  return { open, opened }
}

describe('reserving and closing the same order at once (two workers, or two batches of one)', () => {
  it('a reservation that starts while the order is being closed waits, then skips: no unit is stranded', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Kettle', stock: 10, price: 20 }])
    const orderId = randomUUID()
    const reservation: StoreReservation = { orderId, storeId, lines: [{ productId: productId!, name: 'Kettle', quantity: 3 }] }

    // The order is rejected (say, by payments) before this store answered: the closing transaction
    // records it closed, and has not committed yet when the store's reservation comes in.
    const closingMayCommit = gate()
    const closedButUncommitted = gate()
    const closing = sql.begin(async (tx) => {
      await lockStockFor(tx, [], [orderId])
      await releaseOrderStock(tx, orderId)
      closedButUncommitted.open()
      await closingMayCommit.opened
    })
    await closedButUncommitted.opened

    let reserved = false
    const reserving = sql.begin(async (tx) => {
      await lockStockFor(tx, [reservation], [])
      const outcomes = await reserveStores(tx, [reservation])
      reserved = true
      return outcomes
    })
    // Give the reservation every chance to run ahead of the closing; it must not get anywhere.
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(reserved).toBe(false)

    closingMayCommit.open()
    await closing
    expect(await reserving).toEqual([{ outcome: 'skipped' }])
    expect(await stockOf(productId!)).toBe(10)
    expect(await sql`select 1 from catalog.reservations where order_id = ${orderId}`).toHaveLength(0)
  })

  it('a closing that starts while the order is being reserved waits, then gives the units back', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Toaster', stock: 10, price: 30 }])
    const orderId = randomUUID()
    const reservation: StoreReservation = { orderId, storeId, lines: [{ productId: productId!, name: 'Toaster', quantity: 4 }] }

    const reservationMayCommit = gate()
    const reservedButUncommitted = gate()
    const reserving = sql.begin(async (tx) => {
      await lockStockFor(tx, [reservation], [])
      const outcomes = await reserveStores(tx, [reservation])
      reservedButUncommitted.open()
      await reservationMayCommit.opened
      return outcomes
    })
    await reservedButUncommitted.opened
    const closing = sql.begin(async (tx) => {
      await lockStockFor(tx, [], [orderId])
      return releaseOrderStock(tx, orderId)
    })
    await new Promise(resolve => setTimeout(resolve, 300))
    reservationMayCommit.open()

    expect(await reserving).toEqual([{ outcome: 'confirmed' }])
    expect(await closing).toBe(1)
    expect(await stockOf(productId!)).toBe(10)
  })
})
