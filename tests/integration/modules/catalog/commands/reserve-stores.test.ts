import { randomUUID } from 'node:crypto'
import postgres, { type TransactionSql } from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { releaseOrderStock } from '../../../../../server/modules/catalog/commands/release-or-commit-stock'
import { lockStockFor, reserveStores, type StoreReservation } from '../../../../../server/modules/catalog/commands/reserve-stores'
import { seedStore, signedInAdmin } from '../../../../support/admin'

const sql = postgres(inject('databaseUrl'), { max: 4, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
afterAll(() => sql.end({ timeout: 1 }))

const stockOf = async (productId: string) => (await sql<{ stock: number }[]>`select stock from catalog.products where id = ${productId}`)[0]!.stock

/**
 * Runs `work` in a transaction and holds it open, uncommitted, until `commit()` is called; `ready`
 * resolves (with what `work` returned) once the work is done, `committed` once the transaction is.
 */
function heldOpen<T>(work: (tx: TransactionSql) => Promise<T>) {
  let commit!: () => void
  const mayCommit = new Promise<void>(resolve => (commit = resolve))
  let done!: (result: T) => void
  const ready = new Promise<T>(resolve => (done = resolve))
  const committed = sql.begin(async (tx) => {
    const result = await work(tx)
    done(result)
    await mayCommit
    return result
  })
  return { ready, commit, committed }
}

/** Gives the other transaction every chance to run ahead; with the lock, it must not get anywhere. */
const aMoment = () => new Promise(resolve => setTimeout(resolve, 300))

describe('reserving and closing the same order at once (two workers, or two batches of one)', () => {
  it('a reservation that starts while the order is being closed waits, then skips: no unit is stranded', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Kettle', stock: 10, price: 20 }])
    const orderId = randomUUID()
    const reservation: StoreReservation = { orderId, storeId, lines: [{ productId: productId!, name: 'Kettle', quantity: 3 }] }

    // The order is rejected (say, by payments) before this store answered: the closing transaction
    // records it closed, and has not committed yet when the store's reservation comes in.
    const closing = heldOpen(async (tx) => {
      await lockStockFor(tx, [], [orderId])
      return releaseOrderStock(tx, orderId)
    })
    await closing.ready

    let reserved = false
    const reserving = sql.begin(async (tx) => {
      await lockStockFor(tx, [reservation], [])
      const outcomes = await reserveStores(tx, [reservation])
      reserved = true
      return outcomes
    })
    await aMoment()
    expect(reserved).toBe(false)

    closing.commit()
    await closing.committed
    expect(await reserving).toEqual([{ outcome: 'skipped' }])
    expect(await stockOf(productId!)).toBe(10)
    expect(await sql`select 1 from catalog.reservations where order_id = ${orderId}`).toHaveLength(0)
  })

  it('a closing that starts while the order is being reserved waits, then gives the units back', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Toaster', stock: 10, price: 30 }])
    const orderId = randomUUID()
    const reservation: StoreReservation = { orderId, storeId, lines: [{ productId: productId!, name: 'Toaster', quantity: 4 }] }

    const reserving = heldOpen(async (tx) => {
      await lockStockFor(tx, [reservation], [])
      return reserveStores(tx, [reservation])
    })
    await reserving.ready
    const closing = sql.begin(async (tx) => {
      await lockStockFor(tx, [], [orderId])
      return releaseOrderStock(tx, orderId)
    })
    await aMoment()
    reserving.commit()

    expect(await reserving.committed).toEqual([{ outcome: 'confirmed' }])
    expect(await closing).toBe(1)
    expect(await stockOf(productId!)).toBe(10)
  })
})
