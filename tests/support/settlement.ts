import postgres from 'postgres'
import { expect } from 'vitest'
import { violatedInvariants } from './audit'
import type { PlacedOrder, Shop } from './load'

export interface Settlement {
  orders: number
  accepted: number
  rejected: Record<string, number>
  /** Seconds from the call until every order was decided. */
  settledInSeconds: number
}

interface OrderRow {
  id: string
  status: string
  rejection: { reason: string } | null
}

/**
 * Waits until every placed order is decided, then holds the run to what the faults must not break:
 * each order ends the only way it may (underpaid: NOT_ENOUGH_MONEY; plentiful: accepted; with a
 * scarce line: accepted or OUT_OF_STOCK; never TIMED_OUT), each scarce product is sold out exactly
 * (no oversell, no unit stranded), each plentiful one lost exactly what was accepted, and the audit
 * finds nothing. Reads the database directly: cheaper than polling hundreds of orders over HTTP.
 */
export async function expectSettledCorrectly(databaseUrl: string, shop: Shop, placed: PlacedOrder[], timeoutMs = 120_000): Promise<Settlement> {
  const started = Date.now()
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    const ids = placed.map(order => order.id)
    let rows: OrderRow[] = []
    await expect.poll(async () => {
      rows = await sql<OrderRow[]>`select id, status, rejection from ordering.orders where id = any(${ids}::uuid[])`.catch(() => [])
      return rows.length === ids.length && rows.every(row => row.status !== 'pending')
    }, { timeout: timeoutMs, interval: 500, message: 'every order decided' }).toBe(true)
    const settledInSeconds = (Date.now() - started) / 1000

    const byId = new Map(rows.map(row => [row.id, row]))
    const wrong = placed.flatMap((order) => {
      const row = byId.get(order.id)!
      const outcome = row.status === 'rejected' ? `rejected ${row.rejection?.reason}` : row.status
      const allowed = {
        plenty: ['accepted'],
        underpaid: ['rejected NOT_ENOUGH_MONEY'],
        scarce: ['accepted', 'rejected OUT_OF_STOCK'],
        mixed: ['accepted', 'rejected OUT_OF_STOCK'],
      }[order.kind]
      return allowed.includes(outcome) ? [] : [`${order.kind} order ${order.id} ended ${outcome}`]
    })
    expect(wrong).toEqual([])

    const acceptedUnits = new Map<string, number>()
    for (const order of placed) {
      if (byId.get(order.id)!.status !== 'accepted') continue
      for (const item of order.items) acceptedUnits.set(item.productId, (acceptedUnits.get(item.productId) ?? 0) + item.quantity)
    }
    // A rejected order gives its units back after it is decided (OrderRejected reaches the catalog
    // consumer through the outbox), and a message held by a killed worker comes back only after the
    // ack wait (15 s): the stock settles a little later than the statuses.
    const products = [...shop.scarce, ...shop.plenty]
    const stockLeft = async () => {
      const stock = new Map((await sql<{ id: string, stock: number }[]>`
        select id, stock from catalog.products where id = any(${products.map(product => product.productId)}::uuid[])`.catch(() => [])).map(row => [row.id, row.stock]))
      return {
        scarce: shop.scarce.map(product => ({ sold: acceptedUnits.get(product.productId) ?? 0, left: stock.get(product.productId) })),
        plenty: shop.plenty.map(product => stock.get(product.productId)),
      }
    }
    await expect.poll(stockLeft, { timeout: 30_000, interval: 500, message: 'scarce stock sold out exactly, plenty stock less the accepted units' }).toEqual({
      scarce: shop.scarce.map(product => ({ sold: product.stock, left: 0 })),
      plenty: shop.plenty.map(product => product.stock - (acceptedUnits.get(product.productId) ?? 0)),
    })

    await expect.poll(() => violatedInvariants(databaseUrl), { timeout: 20_000, interval: 1000 }).toEqual([])

    const rejected: Record<string, number> = {}
    for (const row of rows) if (row.status === 'rejected') rejected[row.rejection!.reason] = (rejected[row.rejection!.reason] ?? 0) + 1
    return { orders: placed.length, accepted: rows.filter(row => row.status === 'accepted').length, rejected, settledInSeconds }
  }
  finally {
    await sql.end({ timeout: 1 })
  }
}

/** One line per fault for the run's output (and the closing note). */
export function report(fault: string, settlement: Settlement, extra: Record<string, unknown> = {}) {
  const rejected = Object.entries(settlement.rejected).map(([reason, count]) => `${count} ${reason}`).join(', ') || 'none'
  const details = Object.entries(extra).map(([key, value]) => `, ${key}: ${value}`).join('')
  console.log(`[fault] ${fault}: ${settlement.orders} orders, ${settlement.accepted} accepted, rejected ${rejected}; audit clean; decided ${settlement.settledInSeconds.toFixed(1)} s after the last was placed${details}`)
}
