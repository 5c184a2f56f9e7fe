import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { violatedInvariants } from '../../support/audit'
import { Client } from '../../support/http'
import { TEST_ADMIN_PASSWORD } from '../../support/server'
import { newCustomer, order } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

async function seedProduct(stack: Stack): Promise<string> {
  const admin = new Client(stack.server.baseUrl)
  await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  const store = (await admin.post('/api/stores', { name: 'Roles', location: 'Here' })).data
  await admin.put(`/api/stores/${store.id}/participating`)
  return (await admin.post(`/api/stores/${store.id}/products`, { name: 'Mug', stock: 1000, price: 2 })).data.id
}

const statusCounts = async (sql: postgres.Sql) =>
  (await sql<{ status: string, count: number }[]>`select status, count(*)::int as count from ordering.orders group by 1 order by 1`).map(row => ({ ...row }))

describe('worker roles (PLAZA_WORKER_ROLES)', () => {
  let stack: Stack
  let sql: postgres.Sql
  let productId: string
  beforeAll(async () => {
    // The stack's own worker runs everything but the ordering consumer.
    stack = await startStack('roles', { PLAZA_WORKER_ROLES: 'relay,payments,catalog,deadlines' })
    sql = postgres(stack.database.url, { max: 1, onnotice: () => {} })
    productId = await seedProduct(stack)
  }, 90_000)
  afterAll(async () => {
    await sql?.end({ timeout: 1 })
    await stack?.stop()
  })

  it('a role no process runs makes its work wait, not vanish; a process that takes it up settles it', async () => {
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    for (let i = 0; i < 10; i++) expect((await order(client, customerId, [{ productId, quantity: 1 }], 5)).status).toBe(201)
    // Payments and stores answer (their results wait in the stream), but nobody applies them.
    await expect.poll(async () => (await sql`select 1 from catalog.reservations`).length, { timeout: 20_000 }).toBe(10)
    await expect.poll(async () => (await sql`select 1 from payments.authorizations where order_id is not null`).length, { timeout: 20_000 }).toBe(10)
    expect(await statusCounts(sql)).toEqual([{ status: 'pending', count: 10 }])

    const ordering = await stack.startWorker({ PLAZA_WORKER_ROLES: 'ordering' })
    await expect.poll(() => statusCounts(sql), { timeout: 30_000, interval: 250 }).toEqual([{ status: 'accepted', count: 10 }])
    const inbox = await sql<{ consumer: string, worker: string }[]>`select distinct consumer, handled_by as worker from platform.inbox order by 1`
    const pidOf = (worker: { process: { pid?: number } }) => String(worker.process.pid)
    expect(inbox.find(row => row.consumer === 'ordering')?.worker).toContain(pidOf(ordering))
    expect(inbox.filter(row => row.consumer !== 'ordering').every(row => row.worker.includes(pidOf(stack.worker)))).toBe(true)
    expect(await violatedInvariants(stack.database.url)).toEqual([])
  })

  it('a deployment split into one process per role settles orders as one worker does', async () => {
    await stack.worker.stop()
    await Promise.all(['relay', 'payments', 'catalog', 'deadlines'].map(role => stack.startWorker({ PLAZA_WORKER_ROLES: role })))
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    await Promise.all(Array.from({ length: 20 }, () => order(client, customerId, [{ productId, quantity: 1 }], 5)))
    // Short on money: rejected by payments, its reservation released by the catalog's process.
    expect((await order(client, customerId, [{ productId, quantity: 1 }], 1)).status).toBe(201)
    await expect.poll(() => statusCounts(sql), { timeout: 30_000, interval: 250 })
      .toEqual([{ status: 'accepted', count: 30 }, { status: 'rejected', count: 1 }])
    await expect.poll(async () => (await sql`select 1 from catalog.reservations where status = 'reserved'`).length, { timeout: 10_000 }).toBe(30)
    expect(await violatedInvariants(stack.database.url)).toEqual([])
  })
})
