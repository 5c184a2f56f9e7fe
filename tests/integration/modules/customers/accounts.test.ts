import { describe, expect, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../../support/admin'
import { refusal, registeredCustomer } from '../../../support/customer'

const UNKNOWN_ID = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

describe('registering', () => {
  it('creates the customer, answers 201 with the phone normalized, and signs them in', async () => {
    const client = anonymous()
    const created = await client.post('/api/customers', { name: '  Ana Silva ', phone: '+351 912-345-678' })
    expect(created.status).toBe(201)
    expect(created.data).toEqual({ id: expect.any(String), name: 'Ana Silva', phone: '+351912345678', createdAt: expect.any(String) })
    expect((await client.get('/api/auth/session')).data.user).toEqual({ role: 'customer', customerId: created.data.id, name: 'Ana Silva' })
    expect((await client.get(`/api/customers/${created.data.id}`)).data).toEqual(created.data)
  })

  it('replaces an admin session with the new customer', async () => {
    const admin = await signedInAdmin()
    const created = await admin.post('/api/customers', { name: 'Bea', phone: '912000111' })
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'customer', customerId: created.data.id })
  })
})

describe('signing back in', () => {
  it('takes the id and the phone, however it is written', async () => {
    const customer = await registeredCustomer('Carla', '+351 913 000 222')
    for (const phone of ['+351 913 000 222', '+351913000222', '+351-913-000-222', ' +351 913-000 222 ']) {
      const client = anonymous()
      const response = await client.post('/api/auth/customer', { customerId: customer.id, phone })
      expect({ phone, status: response.status }).toEqual({ phone, status: 200 })
      expect(response.data).toMatchObject({ id: customer.id, name: 'Carla', phone: '+351913000222' })
      expect((await client.get('/api/auth/session')).data.user).toEqual({ role: 'customer', customerId: customer.id, name: 'Carla' })
    }
  })

  it('answers a wrong phone, an unknown id and a malformed one with the same 401, and signs nobody in', async () => {
    const customer = await registeredCustomer('Dora', '913000333')
    const attempts = [
      { customerId: customer.id, phone: '913000334' },
      { customerId: customer.id, phone: '+913000333' },
      { customerId: customer.id, phone: 'not a phone' },
      { customerId: UNKNOWN_ID, phone: '913000333' },
      { customerId: 'not-a-uuid', phone: '913000333' },
      { customerId: '', phone: '' },
    ]
    const answers = new Set<string>()
    for (const attempt of attempts) {
      const client = anonymous()
      const response = await client.post('/api/auth/customer', attempt)
      expect(response.status).toBe(401)
      expect(response.data.data.code).toBe('UNAUTHENTICATED')
      answers.add(JSON.stringify(refusal(response)))
      expect((await client.get('/api/auth/session')).data.user).toBeNull()
    }
    expect([...answers]).toEqual([expect.stringContaining('No customer with that id and phone')])
  })
})

describe('reading an account', () => {
  it("hides another customer's account behind the same 404 as an unknown id", async () => {
    const alice = await registeredCustomer()
    const bob = await registeredCustomer()
    const someoneElses = await alice.client.get(`/api/customers/${bob.id}`)
    const unknown = await alice.client.get(`/api/customers/${UNKNOWN_ID}`)
    expect(someoneElses.status).toBe(404)
    expect(someoneElses.data.data.code).toBe('NOT_FOUND')
    expect(refusal(someoneElses)).toEqual(refusal(unknown))
    expect(refusal(await alice.client.get(`/api/customers/${bob.id}/payments`))).toEqual(refusal(unknown))
  })

  it('refuses a signed-out caller with 401', async () => {
    const customer = await registeredCustomer()
    const response = await anonymous().get(`/api/customers/${customer.id}`)
    expect(response.status).toBe(401)
    expect(response.data.data.code).toBe('UNAUTHENTICATED')
  })

  it('lets the admin read any account, and 404s an unknown one', async () => {
    const customer = await registeredCustomer('Eva', '914 000 444')
    const admin = await signedInAdmin()
    expect((await admin.get(`/api/customers/${customer.id}`)).data).toMatchObject({ id: customer.id, name: 'Eva', phone: '914000444' })
    const unknown = await admin.get(`/api/customers/${UNKNOWN_ID}`)
    expect(unknown.status).toBe(404)
    expect(unknown.data.data.code).toBe('NOT_FOUND')
  })
})

describe('the customers admin list', () => {
  it('lists every customer with how many payments each authorized', async () => {
    const payer = await registeredCustomer()
    const browser = await registeredCustomer()
    await payer.client.post('/api/payments', { customerId: payer.id, amount: 10 })
    await payer.client.post('/api/payments', { customerId: payer.id, amount: 20 })
    const list = await (await signedInAdmin()).get('/api/customers')
    expect(list.status).toBe(200)
    const byId = new Map(list.data.map((customer: { id: string }) => [customer.id, customer]))
    expect(byId.get(payer.id)).toMatchObject({ name: payer.name, paymentCount: 2 })
    expect(byId.get(browser.id)).toMatchObject({ name: browser.name, paymentCount: 0 })
  })

  it('is for the admin only: 401 signed out, 403 for a customer', async () => {
    expect((await anonymous().get('/api/customers')).status).toBe(401)
    const customer = await registeredCustomer()
    const response = await customer.client.get('/api/customers')
    expect(response.status).toBe(403)
    expect(response.data.data.code).toBe('FORBIDDEN')
  })
})

const raw = (body: string, contentType = 'application/json') => ({ body, headers: { 'content-type': contentType } })
type Case = [label: string, path: string, request: { json?: unknown, body?: string, headers?: Record<string, string> }, status: number, code: string]

const badInput: Case[] = [
  ['malformed JSON', '/api/customers', raw('{"name": "Ana", "phone":'), 400, 'INVALID_JSON'],
  ['form-encoded body', '/api/customers', raw('name=Ana&phone=912345678', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a JSON array', '/api/customers', { json: [] }, 400, 'VALIDATION'],
  ['a missing phone', '/api/customers', { json: { name: 'Ana' } }, 400, 'VALIDATION'],
  ['an extra field', '/api/customers', { json: { name: 'Ana', phone: '912345678', role: 'admin' } }, 400, 'VALIDATION'],
  ['a name as a number', '/api/customers', { json: { name: 42, phone: '912345678' } }, 400, 'VALIDATION'],
  ['a 10,000-character name', '/api/customers', { json: { name: 'n'.repeat(10_000), phone: '912345678' } }, 400, 'VALIDATION'],
  ['an 81-character name', '/api/customers', { json: { name: 'n'.repeat(81), phone: '912345678' } }, 400, 'VALIDATION'],
  ['a NUL byte in the name', '/api/customers', { json: { name: 'A\u0000na', phone: '912345678' } }, 400, 'VALIDATION'],
  ['a name of spaces only', '/api/customers', { json: { name: '   ', phone: '912345678' } }, 400, 'VALIDATION'],
  ['letters in the phone', '/api/customers', { json: { name: 'Ana', phone: '912-CALL-ME' } }, 400, 'VALIDATION'],
  ['a five-digit phone', '/api/customers', { json: { name: 'Ana', phone: '12345' } }, 400, 'VALIDATION'],
  ['a phone as a number', '/api/customers', { json: { name: 'Ana', phone: 912345678 } }, 400, 'VALIDATION'],
  ['a NUL byte in the phone', '/api/customers', { json: { name: 'Ana', phone: '912\u0000345678' } }, 400, 'VALIDATION'],
  ['a sign-in id as a number', '/api/auth/customer', { json: { customerId: 7, phone: '912345678' } }, 400, 'VALIDATION'],
  ['a sign-in without a phone', '/api/auth/customer', { json: { customerId: UNKNOWN_ID } }, 400, 'VALIDATION'],
  ['a sign-in as text/plain', '/api/auth/customer', raw('{}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
]

describe('bad input to the customer routes', () => {
  it.each(badInput)('refuses %s', async (_, path, request, status, code) => {
    const client = anonymous()
    const response = await client.request('POST', path, request)
    expect(response.status).toBe(status)
    expect(response.data).toMatchObject({ statusCode: status, data: { code } })
    expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
    expect((await client.get('/api/auth/session')).data.user).toBeNull()
  })

  it('answers a malformed customer id in the path with 404', async () => {
    const admin = await signedInAdmin()
    const response = await admin.get('/api/customers/not-a-uuid')
    expect(response.status).toBe(404)
    expect(response.data.data.code).toBe('NOT_FOUND')
  })
})
