import { beforeAll, describe, expect, inject, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../../support/admin'
import type { Client } from '../../../support/http'
import { newCustomer, order, waitForOrder } from '../../../support/shopping'

let owner: { client: Client, customerId: string }
let stranger: { client: Client, customerId: string }
let orderId: string
let paymentId: string
let productId: string

beforeAll(async () => {
  const admin = await signedInAdmin()
  const seeded = await seedStore(admin, undefined, [{ name: 'Scarf', stock: 5, price: 12 }])
  productId = seeded.productIds[0]!
  await admin.put(`/api/stores/${seeded.storeId}/participating`)
  owner = await newCustomer(inject('baseUrl'), 'Owner')
  stranger = await newCustomer(inject('baseUrl'), 'Stranger')
  const placed = await order(owner.client, owner.customerId, [{ productId, quantity: 1 }], 12)
  orderId = placed.data.id
  paymentId = placed.data.paymentId
  await waitForOrder(owner.client, orderId)
})

describe("someone else's things are not found", () => {
  const paths = () => [
    ['GET', `/api/orders/${orderId}`],
    ['GET', `/api/orders/${orderId}/events`],
    ['GET', `/api/orders/${orderId}/live`],
    ['POST', `/api/orders/${orderId}/pay`],
    ['POST', `/api/orders/${orderId}/cancel`],
    ['GET', `/api/payments/${paymentId}`],
    ['GET', `/api/customers/${owner.customerId}`],
    ['GET', `/api/customers/${owner.customerId}/orders`],
  ]

  it('answers 404 to another customer, the same as for an unknown id', async () => {
    for (const [method, path] of paths()) {
      const response = await stranger.client.request(method!, path!)
      expect({ path, status: response.status, code: response.data?.data?.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' })
    }
    expect((await owner.client.get(`/api/orders/${orderId}`)).data.status).toBe('accepted')
  })

  it('answers 401 when signed out', async () => {
    for (const [method, path] of paths()) {
      expect({ path, status: (await anonymous().request(method!, path!)).status }).toEqual({ path, status: 401 })
    }
  })

  it("refuses an order placed with someone else's customer id or payment", async () => {
    const asOther = await stranger.client.post('/api/orders', { customerId: owner.customerId, paymentId, items: [{ productId, quantity: 1 }] })
    expect(asOther.status).toBe(404)
    const withTheirPayment = await stranger.client.post('/api/orders', { customerId: stranger.customerId, paymentId, items: [{ productId, quantity: 1 }] })
    expect(withTheirPayment.status).toBe(422)
    expect(withTheirPayment.data.data.code).toBe('UNPROCESSABLE')
  })

  it('refuses unknown products and products of stores not on sale (422)', async () => {
    const admin = await signedInAdmin()
    const closed = await seedStore(admin, undefined, [{ name: 'Hidden', stock: 5, price: 1 }])
    const paymentOf = async () => (await stranger.client.post('/api/payments', { customerId: stranger.customerId, amount: 5 })).data.id
    for (const item of [{ productId: closed.productIds[0]!, quantity: 1 }, { productId: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11', quantity: 1 }]) {
      const response = await stranger.client.post('/api/orders', { customerId: stranger.customerId, paymentId: await paymentOf(), items: [item] })
      expect(response.status).toBe(422)
    }
  })
})

describe('order queries', () => {
  it("replays the order's state as of a version and a moment", async () => {
    const events = (await owner.client.get(`/api/orders/${orderId}/events`)).data
    expect((await owner.client.get(`/api/orders/${orderId}?version=1`)).data).toMatchObject({ status: 'pending', version: 1 })
    expect((await owner.client.get(`/api/orders/${orderId}?version=${events.length}`)).data.status).toBe('accepted')
    expect((await owner.client.get(`/api/orders/${orderId}?at=${encodeURIComponent(events[0].createdAt)}`)).data.version).toBe(1)
    expect((await owner.client.get(`/api/orders/${orderId}?at=2000-01-01T00:00:00Z`)).status).toBe(404)
    expect((await owner.client.get(`/api/orders/${orderId}?version=0`)).status).toBe(400)
  })

  it("lists a customer's own orders, and every order for the admin with filters", async () => {
    expect((await owner.client.get(`/api/customers/${owner.customerId}/orders`)).data).toMatchObject({ total: 1, items: [{ id: orderId }], nextCursor: null })
    const admin = await signedInAdmin()
    const mine = (await admin.get(`/api/orders?customerId=${owner.customerId}`)).data
    expect(mine).toMatchObject({ total: 1, page: 1, items: [{ id: orderId, status: 'accepted' }] })
    expect((await admin.get(`/api/orders?status=accepted&q=${orderId}`)).data.items.map((o: { id: string }) => o.id)).toEqual([orderId])
    expect((await admin.get(`/api/orders?status=accepted&q=${orderId.slice(0, 8)}`)).data.items.map((o: { id: string }) => o.id)).toContain(orderId)
    expect((await admin.get('/api/orders?pageSize=1&page=1')).data).toMatchObject({ page: 1, pageSize: 1, items: [{ id: expect.any(String) }] })
    expect((await admin.get('/api/orders?status=lost')).status).toBe(400)
    expect((await owner.client.get('/api/orders')).status).toBe(403)
  })

  it('lists every event for the admin, filtered by order id and sorted by time', async () => {
    const admin = await signedInAdmin()
    const page = (await admin.get(`/api/order-events?orderId=${orderId}&sort=asc`)).data
    expect(page.items.map((event: { version: number }) => event.version)).toEqual([1, 2, 3, 4])
    expect(page.items[0]).toMatchObject({ orderId, type: 'OrderPlaced', causationId: null })
    // The short id pages show, or any start of the id, in either case: the same events.
    for (const start of [orderId.slice(0, 8), orderId.slice(0, 3).toUpperCase(), orderId.slice(0, 9)]) {
      const found = (await admin.get(`/api/order-events?orderId=${start}&sort=asc&pageSize=200`)).data
      expect(found.items.filter((event: { orderId: string }) => event.orderId === orderId).map((event: { version: number }) => event.version)).toEqual([1, 2, 3, 4])
      expect(found.items.every((event: { orderId: string }) => event.orderId.startsWith(start.toLowerCase()))).toBe(true)
    }
  })
})

describe('live updates', () => {
  it('streams the current state, then each change, as server-sent events', async () => {
    const admin = await signedInAdmin()
    const seeded = await seedStore(admin, undefined, [{ name: 'Slow', stock: 5, price: 1 }])
    await admin.put(`/api/stores/${seeded.storeId}/participating`)
    await admin.patch(`/api/stores/${seeded.storeId}`, { confirmDelayMs: 800 })
    const placed = await order(owner.client, owner.customerId, [{ productId: seeded.productIds[0]!, quantity: 1 }], 1)

    const controller = new AbortController()
    const response = await fetch(`${inject('baseUrl')}/api/orders/${placed.data.id}/live`, { headers: { cookie: owner.client.cookieHeader }, signal: controller.signal })
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = response.body!.getReader()
    const statuses: string[] = []
    let buffer = ''
    const deadline = Date.now() + 15_000
    while (!statuses.includes('accepted') && Date.now() < deadline) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += new TextDecoder().decode(value)
      for (const match of buffer.matchAll(/^data: (.+)$/gm)) {
        if (match[1]!.startsWith('{')) statuses.push(JSON.parse(match[1]!).status)
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2)
    }
    controller.abort()
    expect(statuses[0]).toBe('pending')
    expect(statuses.at(-1)).toBe('accepted')
  })
})

describe("a customer's orders, a page at a time", () => {
  it('pages newest first with a cursor until nextCursor is null, and refuses a bad cursor or limit', async () => {
    const shopper = await newCustomer(inject('baseUrl'), 'Pager')
    const placed: string[] = []
    for (let n = 0; n < 5; n++) placed.push((await order(shopper.client, shopper.customerId, [{ productId, quantity: 1 }], 1)).data.id)
    const path = `/api/customers/${shopper.customerId}/orders`
    const seen: string[] = []
    let cursor: string | null = null
    const sizes: number[] = []
    do {
      const page: { total: number, items: { id: string }[], nextCursor: string | null } = (await shopper.client.get(`${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).data
      expect(page.total).toBe(5)
      sizes.push(page.items.length)
      seen.push(...page.items.map(o => o.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(sizes).toEqual([2, 2, 1])
    expect(seen).toEqual(placed.toReversed())
    // Someone else's order as a cursor reveals nothing: the list just ends.
    expect((await shopper.client.get(`${path}?cursor=${orderId}`)).data).toMatchObject({ total: 5, items: [], nextCursor: null })
    for (const query of ['cursor=nope', 'limit=0', 'limit=51', 'limit=two']) {
      expect((await shopper.client.get(`${path}?${query}`)).status, query).toBe(400)
    }
  })
})
