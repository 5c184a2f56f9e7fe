import { describe, expect, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../../support/admin'
import { randomPhone, refusal, registeredCustomer } from '../../../support/customer'

const UNKNOWN_ID = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

describe('registering', () => {
  it('creates the customer, answers 201 with the phone normalized, and signs them in', async () => {
    const client = anonymous()
    const phone = randomPhone()
    const created = await client.post('/api/customers', { name: '  Ana Silva ', phone, password: 'ana-password' })
    expect(created.status).toBe(201)
    expect(created.data).toEqual({ id: expect.any(String), name: 'Ana Silva', phone: phone.replace(/ /g, ''), createdAt: expect.any(String) })
    expect((await client.get('/api/auth/session')).data.user).toEqual({ role: 'customer', customerId: created.data.id, name: 'Ana Silva' })
    expect((await client.get(`/api/customers/${created.data.id}`)).data).toEqual(created.data)
  })

  it('replaces an admin session with the new customer', async () => {
    const admin = await signedInAdmin()
    const created = await admin.post('/api/customers', { name: 'Bea', phone: randomPhone(), password: 'bea-password' })
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'customer', customerId: created.data.id })
  })

  it('refuses a phone that already signs in to an account with 409, however it is written, and says to sign in', async () => {
    const phone = randomPhone()
    await registeredCustomer('First', phone)
    const client = anonymous()
    const again = await client.post('/api/customers', { name: 'Second', phone: phone.replace(/ /g, '-'), password: 'another-password' })
    expect(again.status).toBe(409)
    expect(again.data.data.code).toBe('CONFLICT')
    expect(again.data.message).toMatch(/sign in/i)
    expect((await client.get('/api/auth/session')).data.user).toBeNull()
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
  ['a missing phone', '/api/customers', { json: { name: 'Ana', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a missing password', '/api/customers', { json: { name: 'Ana', phone: '912345678' } }, 400, 'VALIDATION'],
  ['a seven-character password', '/api/customers', { json: { name: 'Ana', phone: '912345678', password: '1234567' } }, 400, 'VALIDATION'],
  ['a 201-character password', '/api/customers', { json: { name: 'Ana', phone: '912345678', password: 'p'.repeat(201) } }, 400, 'VALIDATION'],
  ['a password as a number', '/api/customers', { json: { name: 'Ana', phone: '912345678', password: 12345678 } }, 400, 'VALIDATION'],
  ['an extra field', '/api/customers', { json: { name: 'Ana', phone: '912345678', role: 'admin', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a name as a number', '/api/customers', { json: { name: 42, phone: '912345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a 10,000-character name', '/api/customers', { json: { name: 'n'.repeat(10_000), phone: '912345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['an 81-character name', '/api/customers', { json: { name: 'n'.repeat(81), phone: '912345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a NUL byte in the name', '/api/customers', { json: { name: 'A\u0000na', phone: '912345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a name of spaces only', '/api/customers', { json: { name: '   ', phone: '912345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['letters in the phone', '/api/customers', { json: { name: 'Ana', phone: '912-CALL-ME', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a five-digit phone', '/api/customers', { json: { name: 'Ana', phone: '12345', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a phone as a number', '/api/customers', { json: { name: 'Ana', phone: 912345678, password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a NUL byte in the phone', '/api/customers', { json: { name: 'Ana', phone: '912\u0000345678', password: 'ana-password' } }, 400, 'VALIDATION'],
  ['a sign-in password as a number', '/api/auth/customer', { json: { phone: '912345678', password: 12345678 } }, 400, 'VALIDATION'],
  ['a sign-in without a password', '/api/auth/customer', { json: { phone: '912345678' } }, 400, 'VALIDATION'],
  ['the old sign-in by customer id and phone', '/api/auth/customer', { json: { customerId: UNKNOWN_ID, phone: '912345678' } }, 400, 'VALIDATION'],
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
