import { describe, expect, inject, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../support/admin'
import { newCustomer, order, waitForOrder } from '../../support/shopping'

const baseUrl = () => inject('baseUrl')

/** A participating store with the given products; returns ids and an admin client. */
async function openStore(products: { name: string, stock: number, price: number }[], confirmDelayMs?: number) {
  const admin = await signedInAdmin()
  const { storeId, productIds } = await seedStore(admin, undefined, products)
  await admin.put(`/api/stores/${storeId}/participating`)
  if (confirmDelayMs !== undefined) await admin.patch(`/api/stores/${storeId}`, { confirmDelayMs })
  return { admin, storeId, productIds }
}

const stockOf = async (productId: string) => (await anonymous().get(`/api/products/${productId}`)).data.stock

describe('an order through the pipeline', () => {
  it('is accepted, then delivered when paid, and its stock is sold', async () => {
    const { productIds: [mug] } = await openStore([{ name: 'Mug', stock: 5, price: 4.5 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: mug!, quantity: 2 }], 9)
    expect(placed.status).toBe(201)
    expect(placed.data).toMatchObject({ status: 'pending', paymentStatus: 'pending', storesStatus: 'pending', total: 9, version: 1 })

    const accepted = await waitForOrder(client, placed.data.id)
    expect(accepted).toMatchObject({ status: 'accepted', paymentStatus: 'Payment_CONFIRMED', storesStatus: 'Stores_CONFIRMED' })
    expect(await stockOf(mug!)).toBe(3)

    const paid = await client.post(`/api/orders/${placed.data.id}/pay`)
    expect(paid.status).toBe(200)
    expect(paid.data.status).toBe('delivered')
    expect(await stockOf(mug!)).toBe(3)

    const events = (await client.get(`/api/orders/${placed.data.id}/events`)).data
    expect(events.map((event: { type: string }) => event.type)).toEqual(['OrderPlaced', expect.any(String), expect.any(String), 'OrderAccepted', 'OrderDelivered'])
    // Payment and store answer in either order.
    expect(events.slice(1, 3).map((event: { type: string }) => event.type).sort()).toEqual(['PaymentConfirmed', 'StoreConfirmed'])
    expect(events.map((event: { version: number }) => event.version)).toEqual([1, 2, 3, 4, 5])
    const confirmation = events.find((event: { type: string }) => event.type === 'PaymentConfirmed')
    expect(confirmation).toMatchObject({ consumer: 'ordering', deliveryAttempt: 1, causationId: expect.any(String) })
  })

  it('computes prices on the server: the total follows the catalog', async () => {
    const { productIds: [a, b] } = await openStore([{ name: 'A', stock: 9, price: 1.1 }, { name: 'B', stock: 9, price: 2.2 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: a!, quantity: 3 }, { productId: b!, quantity: 1 }, { productId: a!, quantity: 1 }], 100)
    expect(placed.data.total).toBe(6.6)
    expect(placed.data.lines).toMatchObject([{ productId: a, quantity: 4, unitPrice: 1.1, lineTotal: 4.4 }, { productId: b, quantity: 1, unitPrice: 2.2 }])
  })

  it('is rejected with NOT_ENOUGH_MONEY when the authorization is below the total, and releases the stock', async () => {
    const { productIds: [lamp] } = await openStore([{ name: 'Lamp', stock: 4, price: 30 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: lamp!, quantity: 2 }], 59.99)
    const rejected = await waitForOrder(client, placed.data.id)
    expect(rejected).toMatchObject({ status: 'rejected', paymentStatus: 'NOT_ENOUGH_MONEY', rejection: { reason: 'NOT_ENOUGH_MONEY', authorized: 59.99, total: 60 } })
    await expect.poll(() => stockOf(lamp!)).toBe(4)
  })

  it('is rejected with OUT_OF_STOCK naming the short lines', async () => {
    const { productIds: [vase] } = await openStore([{ name: 'Vase', stock: 1, price: 10 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: vase!, quantity: 3 }], 30)
    const rejected = await waitForOrder(client, placed.data.id)
    expect(rejected).toMatchObject({ status: 'rejected', storesStatus: 'OUT_OF_STOCK', rejection: { reason: 'OUT_OF_STOCK', shortLines: [{ productId: vase, name: 'Vase', requested: 3, available: 1 }] } })
    expect(await stockOf(vase!)).toBe(1)
  })

  it('is rejected as OUT_OF_STOCK when the admin empties the shelf before the store confirms', async () => {
    const { admin, productIds: [clock] } = await openStore([{ name: 'Clock', stock: 5, price: 20 }], 1500)
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: clock!, quantity: 1 }], 20)
    expect((await admin.patch(`/api/products/${clock}`, { stock: 0 })).status).toBe(200)
    const rejected = await waitForOrder(client, placed.data.id)
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { reason: 'OUT_OF_STOCK', shortLines: [{ requested: 1, available: 0 }] } })
  })

  it('spanning two stores where one is short, is rejected and the other store gets its units back', async () => {
    const plenty = await openStore([{ name: 'Plenty', stock: 10, price: 1 }])
    const scarce = await openStore([{ name: 'Scarce', stock: 1, price: 1 }], 500)
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: plenty.productIds[0]!, quantity: 4 }, { productId: scarce.productIds[0]!, quantity: 2 }], 6)
    const rejected = await waitForOrder(client, placed.data.id)
    expect(rejected.status).toBe('rejected')
    expect(rejected.stores).toEqual(expect.arrayContaining([
      expect.objectContaining({ storeId: scarce.storeId, status: 'OUT_OF_STOCK' }),
    ]))
    await expect.poll(() => stockOf(plenty.productIds[0]!)).toBe(10)
    expect(await stockOf(scarce.productIds[0]!)).toBe(1)
  })
})

describe('cancel and pay', () => {
  it('cancels a pending order and releases nothing it did not hold', async () => {
    const { productIds: [pen] } = await openStore([{ name: 'Pen', stock: 3, price: 2 }], 2000)
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: pen!, quantity: 2 }], 4)
    const cancelled = await client.post(`/api/orders/${placed.data.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.data.status).toBe('cancelled')
    await new Promise(resolve => setTimeout(resolve, 2500))
    expect(await stockOf(pen!)).toBe(3)
    expect((await client.get(`/api/orders/${placed.data.id}`)).data.status).toBe('cancelled')
  })

  it('cancels an accepted order and gives its stock back', async () => {
    const { productIds: [cup] } = await openStore([{ name: 'Cup', stock: 3, price: 2 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: cup!, quantity: 2 }], 4)
    await waitForOrder(client, placed.data.id)
    expect(await stockOf(cup!)).toBe(1)
    expect((await client.post(`/api/orders/${placed.data.id}/cancel`)).data.status).toBe('cancelled')
    await expect.poll(() => stockOf(cup!)).toBe(3)
  })

  it('refuses to cancel a rejected order (409): its stock is already back, and it offers no Cancel', async () => {
    const { productIds: [hat] } = await openStore([{ name: 'Hat', stock: 3, price: 2 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: hat!, quantity: 1 }], 1)
    const rejected = await waitForOrder(client, placed.data.id)
    expect(rejected).toMatchObject({ status: 'rejected', actions: { pay: false, cancel: false } })
    await expect.poll(() => stockOf(hat!)).toBe(3)
    const refused = await client.post(`/api/orders/${placed.data.id}/cancel`)
    expect(refused.status).toBe(409)
    expect(refused.data).toMatchObject({ message: 'An order that is rejected cannot be cancelled', data: { code: 'CONFLICT' } })
    expect((await client.get(`/api/orders/${placed.data.id}`)).data.status).toBe('rejected')
  })

  it('refuses to pay a pending order and to cancel a delivered one (409)', async () => {
    const { productIds: [box] } = await openStore([{ name: 'Box', stock: 3, price: 2 }], 1000)
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: box!, quantity: 1 }], 2)
    const early = await client.post(`/api/orders/${placed.data.id}/pay`)
    expect(early.status).toBe(409)
    expect(early.data.data.code).toBe('CONFLICT')
    await waitForOrder(client, placed.data.id)
    expect((await client.post(`/api/orders/${placed.data.id}/pay`)).status).toBe(200)
    const late = await client.post(`/api/orders/${placed.data.id}/cancel`)
    expect(late.status).toBe(409)
    expect(late.data.message).toBe('An order that is delivered cannot be cancelled')
  })

  it('lets an admin cancel, but not pay', async () => {
    const { admin, productIds: [bag] } = await openStore([{ name: 'Bag', stock: 3, price: 2 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await order(client, customerId, [{ productId: bag!, quantity: 1 }], 2)
    await waitForOrder(client, placed.data.id)
    expect((await admin.post(`/api/orders/${placed.data.id}/pay`)).status).toBe(403)
    expect((await admin.post(`/api/orders/${placed.data.id}/cancel`)).data.status).toBe('cancelled')
  })
})

describe('idempotency', () => {
  it('creates one order for a retried POST with the same Idempotency-Key', async () => {
    const { productIds: [tea] } = await openStore([{ name: 'Tea', stock: 10, price: 3 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const paymentId = (await client.post('/api/payments', { customerId, amount: 3 })).data.id
    const body = { customerId, paymentId, items: [{ productId: tea!, quantity: 1 }] }
    const headers = { 'idempotency-key': 'checkout-42' }
    const [first, second] = await Promise.all([
      client.request('POST', '/api/orders', { json: body, headers }),
      client.request('POST', '/api/orders', { json: body, headers }),
    ])
    expect([first.status, second.status].sort()).toEqual([200, 201])
    expect(first.data.id).toBe(second.data.id)
    expect((await client.get(`/api/customers/${customerId}/orders`)).data).toMatchObject({ total: 1, items: [{ id: first.data.id, paymentId }] })
  })

  it('refuses a second order on the same payment (409)', async () => {
    const { productIds: [tea] } = await openStore([{ name: 'Tea', stock: 10, price: 3 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const paymentId = (await client.post('/api/payments', { customerId, amount: 30 })).data.id
    const body = { customerId, paymentId, items: [{ productId: tea!, quantity: 1 }] }
    expect((await client.post('/api/orders', body)).status).toBe(201)
    const again = await client.post('/api/orders', body)
    expect([409, 422]).toContain(again.status)
  })
})

describe('stock under contention', () => {
  it('accepts exactly 10 of 100 concurrent single-unit orders against a stock of 10', async () => {
    const { productIds: [ticket] } = await openStore([{ name: 'Ticket', stock: 10, price: 1 }])
    const { client, customerId } = await newCustomer(baseUrl())
    const placed = await Promise.all(Array.from({ length: 100 }, () => order(client, customerId, [{ productId: ticket!, quantity: 1 }], 1)))
    expect(placed.map(response => response.status)).toEqual(Array(100).fill(201))
    const settled = await Promise.all(placed.map(response => waitForOrder(client, response.data.id, undefined, 60_000)))
    const counts = settled.reduce<Record<string, number>>((tally, o) => ({ ...tally, [o.status]: (tally[o.status] ?? 0) + 1 }), {})
    expect(counts).toEqual({ accepted: 10, rejected: 90 })
    expect(await stockOf(ticket!)).toBe(0)
  }, 90_000)
})
