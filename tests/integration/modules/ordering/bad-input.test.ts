import { beforeAll, describe, expect, it } from 'vitest'
import { authorizedPayment, registeredCustomer, type RegisteredCustomer } from '../../../support/customer'
import type { Client } from '../../../support/http'
import { seedStore, signedInAdmin } from '../../../support/admin'
import { waitForOrder } from '../../../support/shopping'

const UNKNOWN_ID = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

let admin: Client
let customer: RegisteredCustomer
let productId: string
let paymentId: string
let orderId: string
let stockBefore: number

beforeAll(async () => {
  admin = await signedInAdmin()
  const seeded = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 50, price: 20 }])
  productId = seeded.productIds[0]!
  await admin.put(`/api/stores/${seeded.storeId}/participating`)
  customer = await registeredCustomer()
  // One real, delivered order to aim the id-taking routes at; and one unclaimed authorization.
  const placed = await customer.client.post('/api/orders', { customerId: customer.id, paymentId: await authorizedPayment(customer, 20), items: [{ productId, quantity: 1 }] })
  orderId = placed.data.id
  await waitForOrder(customer.client, orderId)
  const paid = await customer.client.post(`/api/orders/${orderId}/pay`)
  if (paid.data.status !== 'delivered') throw new Error(`paying the order failed: ${paid.text}`)
  paymentId = await authorizedPayment(customer, 1000)
  stockBefore = (await admin.get(`/api/products/${productId}`)).data.stock
})

type Request = { json?: unknown, body?: string, headers?: Record<string, string> }
type Case = [label: string, who: 'customer' | 'admin', method: string, path: () => string, request: () => Request, status: number, code: string]

const raw = (body: string, contentType = 'application/json') => () => ({ body, headers: { 'content-type': contentType } })
const placing = (change: Record<string, unknown>) => () => ({ json: { customerId: customer.id, paymentId, items: [{ productId, quantity: 1 }], ...change } })
const withItems = (items: unknown) => placing({ items })
const withKey = (key: string) => () => ({ ...placing({})(), headers: { 'idempotency-key': key } })
const orders = () => '/api/orders'
const theOrder = (suffix = '') => () => `/api/orders/${orderId}${suffix}`
const none = () => ({})

const cases: Case[] = [
  // POST /api/orders: the body
  ['malformed JSON', 'customer', 'POST', orders, raw('{"customerId": "'), 400, 'INVALID_JSON'],
  ['an empty body', 'customer', 'POST', orders, raw(''), 400, 'INVALID_JSON'],
  ['a JSON string body', 'customer', 'POST', orders, raw('"order please"'), 400, 'VALIDATION'],
  ['form-encoded body', 'customer', 'POST', orders, raw('customerId=x', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['multipart body', 'customer', 'POST', orders, raw('--b\r\n\r\n--b--', 'multipart/form-data; boundary=b'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a body over 64 KiB', 'customer', 'POST', orders, () => placing({ pad: 'p'.repeat(70_000) })(), 413, 'PAYLOAD_TOO_LARGE'],
  ['no items', 'customer', 'POST', orders, withItems([]), 400, 'VALIDATION'],
  ['items as an object', 'customer', 'POST', orders, withItems({ productId: 'x', quantity: 1 }), 400, 'VALIDATION'],
  ['101 lines', 'customer', 'POST', orders, () => withItems(Array.from({ length: 101 }, () => ({ productId, quantity: 1 })))(), 400, 'VALIDATION'],
  ['a zero quantity', 'customer', 'POST', orders, () => withItems([{ productId, quantity: 0 }])(), 400, 'VALIDATION'],
  ['a negative quantity', 'customer', 'POST', orders, () => withItems([{ productId, quantity: -3 }])(), 400, 'VALIDATION'],
  ['a fractional quantity', 'customer', 'POST', orders, () => withItems([{ productId, quantity: 1.5 }])(), 400, 'VALIDATION'],
  ['a quantity of 1001', 'customer', 'POST', orders, () => withItems([{ productId, quantity: 1001 }])(), 400, 'VALIDATION'],
  ['a quantity beyond any float', 'customer', 'POST', orders, () => raw(`{"customerId":"${customer.id}","paymentId":"${paymentId}","items":[{"productId":"${productId}","quantity":1e999}]}`)(), 400, 'VALIDATION'],
  ['a quantity as a string', 'customer', 'POST', orders, () => withItems([{ productId, quantity: '2' }])(), 400, 'VALIDATION'],
  ['a quantity "NaN"', 'customer', 'POST', orders, () => withItems([{ productId, quantity: 'NaN' }])(), 400, 'VALIDATION'],
  ['a malformed product id', 'customer', 'POST', orders, withItems([{ productId: "1' or '1'='1", quantity: 1 }]), 400, 'VALIDATION'],
  ['an extra field in a line', 'customer', 'POST', orders, () => withItems([{ productId, quantity: 1, price: 0.01 }])(), 400, 'VALIDATION'],
  ['a client-chosen total', 'customer', 'POST', orders, placing({ total: 0.01 }), 400, 'VALIDATION'],
  ['a client-chosen status', 'customer', 'POST', orders, placing({ status: 'accepted' }), 400, 'VALIDATION'],
  ['a missing payment id', 'customer', 'POST', orders, () => ({ json: { customerId: customer.id, items: [{ productId, quantity: 1 }] } }), 400, 'VALIDATION'],
  ['a payment id as a number', 'customer', 'POST', orders, placing({ paymentId: 42 }), 400, 'VALIDATION'],
  ['a customer id with a NUL byte', 'customer', 'POST', orders, placing({ customerId: `${UNKNOWN_ID}\u0000` }), 400, 'VALIDATION'],
  ['an Idempotency-Key with a space', 'customer', 'POST', orders, withKey('two words'), 400, 'VALIDATION'],
  ['an Idempotency-Key of 201 characters', 'customer', 'POST', orders, withKey('k'.repeat(201)), 400, 'VALIDATION'],
  ['an unknown product', 'customer', 'POST', orders, withItems([{ productId: UNKNOWN_ID, quantity: 1 }]), 422, 'UNPROCESSABLE'],
  ['an unknown payment', 'customer', 'POST', orders, placing({ paymentId: UNKNOWN_ID }), 422, 'UNPROCESSABLE'],
  ['another customer id', 'customer', 'POST', orders, placing({ customerId: UNKNOWN_ID }), 404, 'NOT_FOUND'],
  ['an order placed by the admin', 'admin', 'POST', orders, placing({}), 403, 'FORBIDDEN'],
  // GET /api/orders/:id and its replay
  ['a malformed order id', 'customer', 'GET', () => '/api/orders/not-a-uuid', none, 404, 'NOT_FOUND'],
  ['an SQL-ish order id', 'customer', 'GET', () => `/api/orders/${encodeURIComponent("x'; drop table ordering.orders;--")}`, none, 404, 'NOT_FOUND'],
  ['an unknown order', 'customer', 'GET', () => `/api/orders/${UNKNOWN_ID}`, none, 404, 'NOT_FOUND'],
  ['version 0', 'customer', 'GET', theOrder('?version=0'), none, 400, 'VALIDATION'],
  ['version -1', 'customer', 'GET', theOrder('?version=-1'), none, 400, 'VALIDATION'],
  ['version 1.5', 'customer', 'GET', theOrder('?version=1.5'), none, 400, 'VALIDATION'],
  ['version "latest"', 'customer', 'GET', theOrder('?version=latest'), none, 400, 'VALIDATION'],
  ['a huge version', 'customer', 'GET', theOrder('?version=99999999999999999999'), none, 400, 'VALIDATION'],
  ['at that is not a date', 'customer', 'GET', theOrder('?at=yesterday'), none, 400, 'VALIDATION'],
  ['at without a time zone', 'customer', 'GET', theOrder('?at=2026-01-01T10:00:00'), none, 400, 'VALIDATION'],
  ['both version and at', 'customer', 'GET', theOrder(`?version=1&at=${encodeURIComponent(new Date().toISOString())}`), none, 400, 'VALIDATION'],
  ['at before the order existed', 'customer', 'GET', theOrder('?at=2000-01-01T00:00:00Z'), none, 404, 'NOT_FOUND'],
  // Transitions that the order's state does not allow
  ['paying a delivered order again', 'customer', 'POST', theOrder('/pay'), none, 409, 'CONFLICT'],
  ['cancelling a delivered order', 'customer', 'POST', theOrder('/cancel'), none, 409, 'CONFLICT'],
  ['paying an unknown order', 'customer', 'POST', () => `/api/orders/${UNKNOWN_ID}/pay`, none, 404, 'NOT_FOUND'],
  ['cancelling with a malformed id', 'customer', 'POST', () => '/api/orders/0/cancel', none, 404, 'NOT_FOUND'],
  ['events of a malformed id', 'customer', 'GET', () => '/api/orders/%F0%9F%92%A5/events', none, 404, 'NOT_FOUND'],
  ['live updates of an unknown order', 'customer', 'GET', () => `/api/orders/${UNKNOWN_ID}/live`, none, 404, 'NOT_FOUND'],
  // Admin lists
  ['an unknown status filter', 'admin', 'GET', () => '/api/orders?status=lost', none, 400, 'VALIDATION'],
  ['a page of 0', 'admin', 'GET', () => '/api/orders?page=0', none, 400, 'VALIDATION'],
  ['a page size of 201', 'admin', 'GET', () => '/api/orders?pageSize=201', none, 400, 'VALIDATION'],
  ['a sort of "sideways"', 'admin', 'GET', () => '/api/orders?sort=sideways', none, 400, 'VALIDATION'],
  ['a search that is not an id', 'admin', 'GET', () => `/api/orders?q=${encodeURIComponent('%\' OR 1=1')}`, none, 400, 'VALIDATION'],
  ['a customer filter that is not an id', 'admin', 'GET', () => '/api/orders?customerId=me', none, 400, 'VALIDATION'],
  ['an unknown event type', 'admin', 'GET', () => '/api/order-events?type=OrderLost', none, 400, 'VALIDATION'],
  ['an event filter that is not hex', 'admin', 'GET', () => '/api/order-events?orderId=9b2g', none, 400, 'VALIDATION'],
  ['an event filter with a dash where an id has none', 'admin', 'GET', () => '/api/order-events?orderId=9b2f-', none, 400, 'VALIDATION'],
  ['an event filter longer than an id', 'admin', 'GET', () => `/api/order-events?orderId=${UNKNOWN_ID}0`, none, 400, 'VALIDATION'],
  ['an event filter like a pattern', 'admin', 'GET', () => `/api/order-events?orderId=${encodeURIComponent('9b%')}`, none, 400, 'VALIDATION'],
  ['an empty event filter', 'admin', 'GET', () => '/api/order-events?orderId=', none, 400, 'VALIDATION'],
  ['a search with dashes out of place', 'admin', 'GET', () => '/api/orders?q=--', none, 400, 'VALIDATION'],
  ['the admin order list for a customer', 'customer', 'GET', () => '/api/orders', none, 403, 'FORBIDDEN'],
  ['redriving an unknown dead letter', 'admin', 'POST', () => `/api/pipeline/dead-letters/${UNKNOWN_ID}/redrive`, none, 404, 'NOT_FOUND'],
]

describe('bad input to the order routes', () => {
  it.each(cases)('refuses %s', async (_, who, method, path, request, status, code) => {
    const client = who === 'admin' ? admin : customer.client
    const response = await client.request(method, path(), request())
    expect(response.status).toBe(status)
    expect(response.data).toMatchObject({ statusCode: status, data: { code } })
    expect(typeof response.data.message).toBe('string')
    expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
  })

  it('placed nothing, claimed nothing and moved no stock while refusing', async () => {
    const placed = (await customer.client.get(`/api/customers/${customer.id}/orders`)).data.items as { id: string }[]
    expect(placed.map(order => order.id)).toEqual([orderId])
    expect((await customer.client.get(`/api/payments/${paymentId}`)).data.status).toBe('authorized')
    expect((await admin.get(`/api/products/${productId}`)).data.stock).toBe(stockBefore)
  })
})
