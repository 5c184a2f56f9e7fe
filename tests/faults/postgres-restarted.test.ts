import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { Client } from '../support/http'
import { followLive } from '../support/live'
import { openShop, placeOrders, type Shop } from '../support/load'
import { TEST_ADMIN_PASSWORD } from '../support/server'
import { expectSettledCorrectly, report } from '../support/settlement'
import { order } from '../support/shopping'

/** What the web answers while its database is down: each request must come back within a few seconds. */
async function probeDuringOutage(shop: Shop) {
  const { client, customerId } = shop.customers[0]!
  const anonymous = new Client(shop.baseUrl)
  const answer = async (name: string, request: () => Promise<{ status: number, data: any }>) => {
    const started = Date.now()
    const response = await request().catch((error: Error) => ({ status: 0, data: { message: `no answer: ${error.message}` } }))
    return { name, status: response.status, message: response.data?.message, seconds: (Date.now() - started) / 1000 }
  }
  const timeoutMs = 5000
  return Promise.all([
    answer('catalog', () => anonymous.request('GET', '/api/products', { timeoutMs })),
    answer('authorize', () => client.request('POST', '/api/payments', { json: { customerId, amount: 5 }, timeoutMs })),
    answer('order', () => client.request('POST', '/api/orders', { json: { customerId, paymentId: customerId, items: [{ productId: shop.plenty[0]!.productId, quantity: 1 }] }, timeoutMs })),
    answer('account', () => client.request('GET', `/api/customers/${customerId}`, { timeoutMs })),
    answer('health', () => anonymous.request('GET', '/api/health', { timeoutMs })),
    // Rendering competes with the load for two cores; alone it answers in about 0.1 s.
    answer('shopping page', () => anonymous.request('GET', '/shopping', { timeoutMs: 2 * timeoutMs })),
  ])
}

describe('PostgreSQL stopped (immediate) and started again mid-run', () => {
  const stackOf = useFaultStack('fpg')

  it('answers 503 at once while it is down, then recovers by itself and loses nothing', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    await load.placed(100)
    await stack.postgres.stopImmediately()
    const during = await probeDuringOutage(shop)
    // Long enough that postgres.js's one attempt to LISTEN again fails (see the next test).
    await new Promise(resolve => setTimeout(resolve, 5000))
    await stack.postgres.start()

    console.log(`[fault] while PostgreSQL was down: ${during.map(probe => `${probe.name} ${probe.status} in ${probe.seconds.toFixed(2)} s`).join(', ')}`)
    for (const probe of during.filter(probe => probe.name !== 'shopping page' && probe.name !== 'health')) {
      expect(probe, probe.name).toMatchObject({ status: 503, message: expect.stringMatching(/database/i) })
    }
    expect(during.find(probe => probe.name === 'health')).toMatchObject({ status: 503 })
    // The page renders its own "could not be loaded" state; what matters here is that it answers.
    expect(during.find(probe => probe.name === 'shopping page')!.status).toBeGreaterThan(0)
    const placed = await load.done
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    // The same worker process throughout: it rode out the outage rather than exiting.
    expect(stack.workers().map(worker => worker.process.exitCode)).toEqual([null])
    report('PostgreSQL stopped immediately and restarted', settlement, { 'requests retried after 503': load.retries(), total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })

  it('still pushes live order updates after the restart (the web LISTENs again)', async () => {
    const stack = stackOf()
    const admin = new Client(stack.server.baseUrl)
    await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
    const store = (await admin.post('/api/stores', { name: 'Slow store', location: 'Testville' })).data
    await admin.put(`/api/stores/${store.id}/participating`)
    await admin.patch(`/api/stores/${store.id}`, { confirmDelayMs: 3000 })
    const product = (await admin.post(`/api/stores/${store.id}/products`, { name: 'Slow', description: '', stock: 5, price: 1 })).data
    const shop = await openShop(stack.server.baseUrl, { stores: 1, customers: 1 })
    const { client, customerId } = shop.customers[0]!
    const placed = await order(client, customerId, [{ productId: product.id, quantity: 1 }], 1)
    expect(placed.status).toBe(201)
    const states = await followLive(client, placed.data.id, state => state.status === 'accepted')
    expect(states[0].status).toBe('pending')
  })
})
