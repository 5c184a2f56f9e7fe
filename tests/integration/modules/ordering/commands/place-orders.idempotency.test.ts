import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { priceBaskets } from '../../../../../server/modules/catalog'
import { placeOrders } from '../../../../../server/modules/ordering/commands/place-orders'
import { findOpenAuthorizations } from '../../../../../server/modules/payments'
import { seedStore, signedInAdmin } from '../../../../support/admin'
import { authorize, newCustomer } from '../../../../support/shopping'

const sql = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
afterAll(() => sql.end({ timeout: 1 }))

let lamp: string
let mug: string
beforeAll(async () => {
  const admin = await signedInAdmin()
  const { storeId, productIds } = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 1000, price: 2 }, { name: 'Mug', stock: 1000, price: 1 }])
  await admin.put(`/api/stores/${storeId}/participating`)
  ;[lamp, mug] = productIds as [string, string]
})

describe('POST /api/orders with an Idempotency-Key', () => {
  it('replays the first order for the same body, and refuses another body under the key with 422', async () => {
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    const paymentId = await authorize(client, customerId, 100)
    const place = (body: object) => client.request('POST', '/api/orders', { json: { customerId, paymentId, ...body }, headers: { 'idempotency-key': 'checkout-7' } })

    const first = await place({ items: [{ productId: lamp, quantity: 2 }, { productId: mug, quantity: 1 }] })
    expect(first.status).toBe(201)
    // The same order, its lines written in another order: a retry.
    const retry = await place({ items: [{ productId: mug, quantity: 1 }, { productId: lamp, quantity: 2 }] })
    expect(retry.status).toBe(200)
    expect(retry.data.id).toBe(first.data.id)

    const other = await place({ items: [{ productId: lamp, quantity: 3 }] })
    expect(other.status).toBe(422)
    expect(other.data.data.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(other.data.message).toMatch(/already used for a different order/)
    const otherPayment = await client.request('POST', '/api/orders', {
      json: { customerId, paymentId: await authorize(client, customerId, 100), items: [{ productId: lamp, quantity: 2 }, { productId: mug, quantity: 1 }] },
      headers: { 'idempotency-key': 'checkout-7' },
    })
    expect(otherPayment.status).toBe(422)

    const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from ordering.orders where customer_id = ${customerId}`
    expect(count).toBe(1)
  })
})

describe('an expired Idempotency-Key', () => {
  it('places a new order, and the key then replays the new one', async () => {
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    const [firstPayment, secondPayment] = [await authorize(client, customerId, 100), await authorize(client, customerId, 100)]
    const items = [{ productId: lamp, quantity: 1 }]
    let clock = Date.now()
    const ports = { priceBaskets, findOpenAuthorizations, now: () => new Date(clock), deadlineMs: 60_000, idempotencyTtlMs: 60_000 }

    const [first] = await placeOrders(sql, [{ customerId, paymentId: firstPayment, items, idempotencyKey: 'weekly' }], ports)
    expect(first).toMatchObject({ created: true })
    const firstId = (first as { order: { id: string } }).order.id

    clock += 59_000
    const [stillLive] = await placeOrders(sql, [{ customerId, paymentId: secondPayment, items, idempotencyKey: 'weekly' }], ports)
    expect((stillLive as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED')

    clock += 2_000
    const [second] = await placeOrders(sql, [{ customerId, paymentId: secondPayment, items, idempotencyKey: 'weekly' }], ports)
    expect(second).toMatchObject({ created: true })
    const secondId = (second as { order: { id: string } }).order.id
    expect(secondId).not.toBe(firstId)

    // The new order was placed by the database's clock, now: within its key's lifetime again.
    clock = Date.now()
    const [again] = await placeOrders(sql, [{ customerId, paymentId: secondPayment, items, idempotencyKey: 'weekly' }], ports)
    expect(again).toMatchObject({ created: false, order: { id: secondId } })
    const keys = await sql<{ id: string, idempotencyKey: string | null }[]>`
      select id, idempotency_key from ordering.orders where customer_id = ${customerId} order by placed_at`
    expect(keys).toEqual([{ id: firstId, idempotencyKey: null }, { id: secondId, idempotencyKey: 'weekly' }])
  })
})
