import { beforeAll, describe, expect, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../../support/admin'
import { authorizedPayment, refusal, registeredCustomer, type RegisteredCustomer } from '../../../support/customer'

const UNKNOWN_ID = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

describe('authorizing a payment', () => {
  it('answers 201 with the amount in euros, and the customer can read it back', async () => {
    const customer = await registeredCustomer()
    const created = await customer.client.post('/api/payments', { customerId: customer.id, amount: 49.99 })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ id: expect.any(String), customerId: customer.id, amount: 49.99, status: 'authorized', orderId: null, createdAt: expect.any(String) })
    expect((await customer.client.get(`/api/payments/${created.data.id}`)).data).toEqual(created.data)
    expect((await customer.client.get(`/api/customers/${customer.id}/payments`)).data).toEqual([created.data])
  })

  it("refuses to authorize for another customer's id with the same 404 as an unknown id", async () => {
    const alice = await registeredCustomer()
    const bob = await registeredCustomer()
    const forBob = await alice.client.post('/api/payments', { customerId: bob.id, amount: 10 })
    const forNobody = await alice.client.post('/api/payments', { customerId: UNKNOWN_ID, amount: 10 })
    expect(forBob.status).toBe(404)
    expect(forBob.data.data.code).toBe('NOT_FOUND')
    expect(refusal(forBob)).toEqual(refusal(forNobody))
    expect((await bob.client.get(`/api/customers/${bob.id}/payments`)).data).toEqual([])
  })

  it('refuses a signed-out caller with 401 and the admin with 403', async () => {
    const customer = await registeredCustomer()
    const signedOut = await anonymous().post('/api/payments', { customerId: customer.id, amount: 10 })
    expect(signedOut.status).toBe(401)
    expect(signedOut.data.data.code).toBe('UNAUTHENTICATED')
    const admin = await (await signedInAdmin()).post('/api/payments', { customerId: customer.id, amount: 10 })
    expect(admin.status).toBe(403)
    expect(admin.data.data.code).toBe('FORBIDDEN')
  })
})

describe('reading a payment', () => {
  let alice: RegisteredCustomer
  let paymentId: string

  beforeAll(async () => {
    alice = await registeredCustomer()
    paymentId = await authorizedPayment(alice, 25)
  })

  it("hides another customer's payment behind the same 404 as an unknown id", async () => {
    const bob = await registeredCustomer()
    const someoneElses = await bob.client.get(`/api/payments/${paymentId}`)
    const unknown = await bob.client.get(`/api/payments/${UNKNOWN_ID}`)
    expect(someoneElses.status).toBe(404)
    expect(someoneElses.data.data.code).toBe('NOT_FOUND')
    expect(refusal(someoneElses)).toEqual(refusal(unknown))
  })

  it('refuses a signed-out caller with 401, whether the payment exists or not', async () => {
    for (const id of [paymentId, UNKNOWN_ID]) {
      const response = await anonymous().get(`/api/payments/${id}`)
      expect({ id, status: response.status, code: response.data.data.code }).toEqual({ id, status: 401, code: 'UNAUTHENTICATED' })
    }
  })

  it("lets the admin read any customer's payment and payments list", async () => {
    const admin = await signedInAdmin()
    expect((await admin.get(`/api/payments/${paymentId}`)).data).toMatchObject({ id: paymentId, customerId: alice.id, amount: 25 })
    expect((await admin.get(`/api/customers/${alice.id}/payments`)).data).toMatchObject([{ id: paymentId }])
    expect((await admin.get(`/api/payments/${UNKNOWN_ID}`)).status).toBe(404)
  })
})

describe('bad input to the payment routes', () => {
  let customer: RegisteredCustomer

  beforeAll(async () => {
    customer = await registeredCustomer()
  })

  const raw = (body: string, contentType = 'application/json') => ({ body, headers: { 'content-type': contentType } })
  type Case = [label: string, request: () => { json?: unknown, body?: string, headers?: Record<string, string> }, status: number, code: string]
  const withAmount = (amount: unknown) => () => ({ json: { customerId: customer.id, amount } })

  const cases: Case[] = [
    ['malformed JSON', () => raw('{"amount": 1'), 400, 'INVALID_JSON'],
    ['an empty body', () => raw(''), 400, 'INVALID_JSON'],
    ['no content type', () => ({ body: JSON.stringify({ customerId: customer.id, amount: 1 }) }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a zero amount', withAmount(0), 400, 'VALIDATION'],
    ['a negative amount', withAmount(-10), 400, 'VALIDATION'],
    ['an amount with three decimals', withAmount(10.005), 400, 'VALIDATION'],
    ['an amount over 100,000 euros', withAmount(100_000.01), 400, 'VALIDATION'],
    ['a huge amount', withAmount(1e15), 400, 'VALIDATION'],
    ['an amount beyond any float', () => raw(`{"customerId": "${customer.id}", "amount": 1e999}`), 400, 'VALIDATION'],
    ['an amount as a string', withAmount('10'), 400, 'VALIDATION'],
    ['an amount as null', withAmount(null), 400, 'VALIDATION'],
    ['a missing amount', () => ({ json: { customerId: customer.id } }), 400, 'VALIDATION'],
    ['a missing customer id', () => ({ json: { amount: 10 } }), 400, 'VALIDATION'],
    ['a malformed customer id', () => ({ json: { customerId: 'me', amount: 10 } }), 400, 'VALIDATION'],
    ['an extra field', () => ({ json: { customerId: customer.id, amount: 10, status: 'captured' } }), 400, 'VALIDATION'],
    ['a body over 64 KiB', () => raw(JSON.stringify({ customerId: customer.id, amount: 1, pad: 'p'.repeat(70_000) })), 413, 'PAYLOAD_TOO_LARGE'],
  ]

  it.each(cases)('refuses %s', async (_, request, status, code) => {
    const response = await customer.client.request('POST', '/api/payments', request())
    expect(response.status).toBe(status)
    expect(response.data).toMatchObject({ statusCode: status, data: { code } })
    expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
  })

  it('answers a malformed payment id in the path with 404', async () => {
    const response = await customer.client.get('/api/payments/12345')
    expect(response.status).toBe(404)
    expect(response.data.data.code).toBe('NOT_FOUND')
  })

  it('wrote nothing while refusing', async () => {
    expect((await customer.client.get(`/api/customers/${customer.id}/payments`)).data).toEqual([])
  })
})
