import { fold, type OrderEvent } from '../modules/ordering'
import type { Sql } from '../platform/db'

// Invariants of a whole Plaza database, each a query for its violations. The only code that reads
// across module schemas, on purpose: it checks that the modules agree with each other.

export interface InvariantResult {
  name: string
  violations: number
  examples: string[]
}

const GRACE = '5 seconds'

type Check = (db: Sql) => Promise<string[]>

const checks: Record<string, Check> = {
  'every order is decided, or still within its deadline': async db => (await db<{ id: string }[]>`
    select id from ordering.orders where status = 'pending' and deadline_at < now() - ${GRACE}::interval`).map(row => row.id),

  'versions are contiguous from 1 in every order stream': async db => (await db<{ orderId: string }[]>`
    select order_id from ordering.order_events group by order_id having count(*) <> max(version) or min(version) <> 1`).map(row => row.orderId),

  'no one-shot event appears twice in an order (per store for store results)': async db => (await db<{ orderId: string, type: string }[]>`
    select order_id, type from ordering.order_events
    group by order_id, type, coalesce(data->>'storeId', '')
    having count(*) > 1`).map(row => `${row.orderId} ${row.type}`),

  'stock never negative': async db => (await db<{ id: string }[]>`select id from catalog.products where stock < 0`).map(row => row.id),

  'stock = stock added - units reserved - units committed': async db => (await db<{ id: string, stock: number, expected: number }[]>`
    select p.id, p.stock,
           coalesce((select sum(delta) from catalog.stock_movements m where m.product_id = p.id), 0)
           - coalesce((select sum(quantity) from catalog.reservations r where r.product_id = p.id and r.status in ('reserved', 'committed')), 0) as expected
    from catalog.products p`).filter(row => Number(row.stock) !== Number(row.expected)).map(row => `${row.id} stock ${row.stock}, expected ${row.expected}`),

  'every accepted or delivered order is covered by its own authorization': async db => (await db<{ id: string }[]>`
    select o.id from ordering.orders o
    left join payments.authorizations a on a.id = o.payment_id
    where o.status in ('accepted', 'delivered')
      and (a.id is null or a.amount_cents < o.total_cents or a.order_id is distinct from o.id)`).map(row => row.id),

  'a rejected or cancelled order holds no stock and no money': async db => (await db<{ id: string }[]>`
    select o.id from ordering.orders o
    where o.status in ('rejected', 'cancelled') and o.updated_at < now() - ${GRACE}::interval
      and (exists (select 1 from catalog.reservations r where r.order_id = o.id and r.status = 'reserved')
        or exists (select 1 from payments.authorizations a where a.order_id = o.id and a.status <> 'voided'))`).map(row => row.id),

  'no outbox message waits more than a few seconds': async db => (await db<{ id: string }[]>`
    select id from platform.outbox where published_at is null and created_at < now() - ${GRACE}::interval`).map(row => row.id),

  'the read model equals the fold of the events': async (db) => {
    const rows = await db<{ orderId: string, version: number, type: OrderEvent['type'], data: OrderEvent['data'], createdAt: Date }[]>`
      select order_id, version, type, data, created_at from ordering.order_events order by order_id, version`
    const streams = new Map<string, { event: OrderEvent, version: number, at: string }[]>()
    for (const row of rows) {
      const stream = streams.get(row.orderId) ?? []
      stream.push({ event: { type: row.type, data: row.data } as OrderEvent, version: row.version, at: row.createdAt.toISOString() })
      streams.set(row.orderId, stream)
    }
    const views = await db<{ id: string, status: string, paymentStatus: string, storesStatus: string, version: number }[]>`
      select id, status, payment_status, stores_status, version from ordering.orders`
    const drift: string[] = []
    for (const view of views) {
      const folded = fold(streams.get(view.id) ?? [], view.id)
      const same = folded && folded.status === view.status && folded.paymentStatus === view.paymentStatus
        && folded.storesStatus === view.storesStatus && folded.version === view.version
      if (!same) drift.push(view.id)
      streams.delete(view.id)
    }
    return [...drift, ...[...streams.keys()].map(id => `${id} has events but no read model row`)]
  },
}

export async function audit(db: Sql): Promise<InvariantResult[]> {
  const results: InvariantResult[] = []
  for (const [name, check] of Object.entries(checks)) {
    const violations = await check(db)
    results.push({ name, violations: violations.length, examples: violations.slice(0, 5) })
  }
  return results
}
