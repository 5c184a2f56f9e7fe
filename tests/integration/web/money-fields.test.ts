import fc from 'fast-check'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { seedStore, signedInAdmin } from '../../support/admin'
import type { Client } from '../../support/http'
import { newCustomer } from '../../support/shopping'

// Every money field of the API, fed generated numbers as JSON text (so that 1e400, -0 and 30 digits
// reach the server as written): each answer is a success or a 4xx, never a 500, and what is accepted
// is stored as the whole cents it names.
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: -10, max: 2_000_000, noNaN: true }).map(String),
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map(cents => String(cents / 100)),
  fc.constantFrom('1e-9', '0.000000001', '1e-320', '0.30000000000000004', '0.1', '0.29', '1.005', '-0', '0', '0.01', '0.009999999',
    '1e400', '-1e400', '123456789012345678901234567890', '99999.999999999999', '100000', '100000.01', '1000000', '1000000.001', '1E2', '0.1e1', '5e-324'),
)
const notNumber = fc.constantFrom('"NaN"', '"Infinity"', 'null', '"12.50"', 'true', '[]', '{}', '"1e-9"')

type Sent = { status: number, data: any }

function expectSuccessOr4xx(answer: Sent, success: number, text: string, returned: () => number) {
  expect(answer.status === success || (answer.status >= 400 && answer.status < 500), `${text} answered ${answer.status}`).toBe(true)
  if (answer.status !== success) return
  const value = Number(text)
  expect(Number.isInteger(Math.round(returned() * 100))).toBe(true)
  expect(Math.abs(returned() - value)).toBeLessThan(1e-6)
}

let admin: Client
let customer: { client: Client, customerId: string }
let storeId: string
let productId: string

beforeAll(async () => {
  admin = await signedInAdmin()
  const seeded = await seedStore(admin, undefined, [{ name: 'Scale', stock: 1, price: 1 }])
  storeId = seeded.storeId
  productId = seeded.productIds[0]!
  customer = await newCustomer(inject('baseUrl'))
})

const raw = (client: Client, method: string, path: string, body: string) =>
  client.request(method, path, { body, headers: { 'content-type': 'application/json' } })

describe('money fields over HTTP, for generated numbers', () => {
  it('POST /api/payments amount: 201 or 4xx, never 500', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(numberText, notNumber), async (text) => {
      const answer = await raw(customer.client, 'POST', '/api/payments', `{"customerId":"${customer.customerId}","amount":${text}}`)
      expectSuccessOr4xx(answer, 201, text, () => answer.data.amount)
      if (answer.status === 201) expect(Number(text)).toBeGreaterThanOrEqual(0.01)
    }), { numRuns: 150 })
  })

  it('POST /api/stores/:id/products price: 201 or 4xx, never 500', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(numberText, notNumber), async (text) => {
      const answer = await raw(admin, 'POST', `/api/stores/${storeId}/products`, `{"name":"Weighed","stock":1,"price":${text}}`)
      expectSuccessOr4xx(answer, 201, text, () => answer.data.price)
    }), { numRuns: 150 })
  })

  it('PATCH /api/products/:id price: 200 or 4xx, never 500', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(numberText, notNumber), async (text) => {
      const answer = await raw(admin, 'PATCH', `/api/products/${productId}`, `{"price":${text}}`)
      expectSuccessOr4xx(answer, 200, text, () => answer.data.price)
    }), { numRuns: 150 })
  })

  it('refuses 1e-9 euros with 400, as the issue found it (it was 0 cents and a 500)', async () => {
    const answer = await customer.client.post('/api/payments', { customerId: customer.customerId, amount: 1e-9 })
    expect(answer.status).toBe(400)
    expect(answer.data.data.issues).toContainEqual({ path: 'amount', message: 'must be at least 0.01' })
  })
})
