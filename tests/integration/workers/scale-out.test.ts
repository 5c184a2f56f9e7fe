import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { violatedInvariants } from '../../support/audit'
import { Client } from '../../support/http'
import { TEST_ADMIN_PASSWORD } from '../../support/server'
import { newCustomer, order } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

async function seedStores(stack: Stack, stores: number, products: number) {
  const admin = new Client(stack.server.baseUrl)
  await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  const catalog: string[][] = []
  for (let s = 0; s < stores; s++) {
    const store = (await admin.post('/api/stores', { name: `Shared ${s}`, location: 'Here' })).data
    await admin.put(`/api/stores/${store.id}/participating`)
    const ids: string[] = []
    for (let p = 0; p < products; p++) ids.push((await admin.post(`/api/stores/${store.id}/products`, { name: `S${s}P${p}`, stock: 100_000, price: 1 })).data.id)
    catalog.push(ids)
  }
  return catalog
}

describe('three workers on the same durable consumers', () => {
  let stack: Stack
  let sql: postgres.Sql
  beforeAll(async () => {
    // Small pulls spread the messages over the workers even when the machine is slow.
    stack = await startStack('scale', { PLAZA_WORKER_BATCH_SIZE: '10' })
    await stack.startWorker()
    await stack.startWorker()
    sql = postgres(stack.database.url, { max: 1, onnotice: () => {} })
  }, 90_000)
  afterAll(async () => {
    await sql?.end({ timeout: 1 })
    await stack?.stop()
  })

  it('share the work, never collide on an order or a product, and do nothing twice', async () => {
    // Every order takes from both stores, and the orders share a few products: the workers' batches overlap.
    const [first, second] = await seedStores(stack, 2, 3)
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const [{ rolledBack: before }] = await sql<[{ rolledBack: number }]>`select xact_rollback::int as "rolledBack" from pg_stat_database where datname = current_database()`
    for (let start = 0; start < 180; start += 30) {
      await Promise.all(Array.from({ length: 30 }, (_, i) => order(client, customerId, [
        { productId: first![(start + i) % 3]!, quantity: 1 },
        { productId: second![(start + i + 1) % 3]!, quantity: 2 },
      ], 10)))
    }
    await expect.poll(async () => (await sql`select 1 from ordering.orders where status = 'pending'`).length, { timeout: 60_000, interval: 250 }).toBe(0)
    const statuses = await sql<{ status: string, count: number }[]>`select status, count(*)::int as count from ordering.orders group by 1`
    expect(statuses.map(row => ({ ...row }))).toEqual([{ status: 'accepted', count: 180 }])

    const shares = await sql<{ worker: string, messages: number }[]>`
      select handled_by as worker, count(*)::int as messages from platform.inbox group by 1 order by 2 desc`
    console.log(`[measure] messages handled per worker: ${shares.map(row => row.messages).join(' / ')}`)
    expect(shares).toHaveLength(3)

    // A batch that met another worker's batch on the same order (version conflict) or on the same
    // products (deadlock) would have been rolled back and run again. Postgres publishes these
    // counters lazily (within about 10 s of a backend going idle), hence the wait.
    await new Promise(resolve => setTimeout(resolve, 11_000))
    const [{ rolledBack: after }] = await sql<[{ rolledBack: number }]>`select xact_rollback::int as "rolledBack" from pg_stat_database where datname = current_database()`
    expect(after - before, 'transactions rolled back').toBe(0)
    expect(await violatedInvariants(stack.database.url)).toEqual([])
  }, 120_000)
})
