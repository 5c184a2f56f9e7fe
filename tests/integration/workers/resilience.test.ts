import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { violatedInvariants } from '../../support/audit'
import { Client } from '../../support/http'
import { TEST_ADMIN_PASSWORD } from '../../support/server'
import { newCustomer, order, waitForOrder } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

async function prepare(stack: Stack, products: { stock: number, price: number }[], confirmDelayMs: number) {
  const admin = new Client(stack.server.baseUrl)
  await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  const store = (await admin.post('/api/stores', { name: 'Bulk', location: 'Here' })).data
  await admin.put(`/api/stores/${store.id}/participating`)
  await admin.patch(`/api/stores/${store.id}`, { confirmDelayMs })
  const productIds: string[] = []
  for (const [index, product] of products.entries()) {
    productIds.push((await admin.post(`/api/stores/${store.id}/products`, { name: `P${index}`, ...product })).data.id)
  }
  return productIds
}

/** Places `count` orders of one unit each, `parallel` at a time; returns their ids. */
async function placeMany(client: Client, customerId: string, productId: string, count: number, parallel = 20) {
  const ids: string[] = []
  for (let start = 0; start < count; start += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, () => order(client, customerId, [{ productId, quantity: 1 }], 1)))
    ids.push(...batch.map(response => response.data.id))
  }
  return ids
}

describe('confirmation delays do not add up', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('delay')
  }, 60_000)
  afterAll(() => stack?.stop())

  it('settles 200 orders with a 2-second store delay well within 20 seconds', async () => {
    const [productId] = await prepare(stack, [{ stock: 1000, price: 1 }], 2000)
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const started = Date.now()
    const ids = await placeMany(client, customerId, productId!, 200, 50)
    const settled = await Promise.all(ids.map(id => waitForOrder(client, id, undefined, 20_000)))
    const seconds = (Date.now() - started) / 1000
    console.log(`[measure] 200 orders with a 2 s store delay settled in ${seconds.toFixed(1)} s`)
    expect(settled.map(o => o.status)).toEqual(Array(200).fill('accepted'))
    expect(seconds).toBeLessThan(20)
  }, 60_000)
})

describe('a worker killed mid-run', () => {
  let stack: Stack
  beforeAll(async () => {
    // A generous deadline: on a loaded machine a timed-out order would hold back stock for a while.
    stack = await startStack('crash', { ORDER_CONFIRM_DEADLINE_MS: '120000' })
  }, 60_000)
  afterAll(() => stack?.stop())

  it('loses nothing: every order ends terminal with contiguous versions and no duplicate events', async () => {
    const [scarce, plenty] = await prepare(stack, [{ stock: 40, price: 1 }, { stock: 10_000, price: 1 }], 200)
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const placing = Promise.all([placeMany(client, customerId, scarce!, 100), placeMany(client, customerId, plenty!, 100)])

    let worker = stack.worker
    for (let kill = 0; kill < 3; kill++) {
      await new Promise(resolve => setTimeout(resolve, 700))
      await worker.kill()
      worker = await stack.startWorker()
    }
    const ids = (await placing).flat()
    const settled = await Promise.all(ids.map(id => waitForOrder(client, id, undefined, 60_000)))
    const accepted = settled.filter(o => o.status === 'accepted')
    expect(settled.every(o => ['accepted', 'rejected'].includes(o.status))).toBe(true)
    const soldScarce = accepted.filter(o => o.lines[0].productId === scarce).length
    const leftScarce = (await client.get(`/api/products/${scarce}`)).data.stock
    const reasons = settled.filter(o => o.rejection).map(o => o.rejection.reason)
    expect({ soldScarce, leftScarce, timedOut: reasons.filter(reason => reason === 'TIMED_OUT').length }).toEqual({ soldScarce: 40, leftScarce: 0, timedOut: 0 })
    await expect.poll(() => violatedInvariants(stack.database.url), { timeout: 15_000 }).toEqual([])
  }, 120_000)
})

describe('the order deadline', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('deadline', { ORDER_CONFIRM_DEADLINE_MS: '1500' })
  }, 60_000)
  afterAll(() => stack?.stop())

  it('rejects an order no store answered in time with TIMED_OUT, and voids its payment', async () => {
    const [productId] = await prepare(stack, [{ stock: 5, price: 1 }], 600_000)
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const placed = await order(client, customerId, [{ productId: productId!, quantity: 1 }], 1)
    const timedOut = await waitForOrder(client, placed.data.id, undefined, 10_000)
    expect(timedOut).toMatchObject({ status: 'rejected', rejection: { reason: 'TIMED_OUT' } })
    await expect.poll(async () => (await client.get(`/api/payments/${placed.data.paymentId}`)).data.status).toBe('voided')
  }, 30_000)
})
