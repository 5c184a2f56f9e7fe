import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { authorizePayment, countPaymentsByCustomer, findOpenAuthorizations, getPayment, listCustomerPayments } from '../../server/modules/payments'
import { capturePaymentForOrder } from '../../server/modules/payments/commands/capture-payment'
import { settlePaymentsForOrders } from '../../server/modules/payments/commands/settle-payment'
import { voidPaymentForOrder } from '../../server/modules/payments/commands/void-payment'
import type { Claim } from '../../server/modules/payments/payment'
import { closeDb, db, type Db } from '../../server/platform/db'
import { anonymous, signedInAdmin } from '../support/admin'
import { authorizedPayment, refusal, registeredCustomer, type RegisteredCustomer } from '../support/customer'

const UNKNOWN_ID = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

/** One order's claim on its payment, in a transaction of its own, as the payments consumer settles a batch. */
const settlePaymentForOrder = async (sql: Db, claim: Claim) => (await sql.begin(tx => settlePaymentsForOrders(tx, [claim])))[0]!

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

describe('the payment commands the pipeline calls', () => {
  const cents = (euros: number) => Math.round(euros * 100)
  let sql: ReturnType<typeof db>

  beforeAll(() => {
    // The module functions run on the app's own connection settings, pointed at the test database.
    process.env.DATABASE_URL = inject('databaseUrl')
    sql = db()
  })

  afterAll(closeDb)

  async function authorization(euros: number) {
    const customerId = randomUUID()
    const { id } = await authorizePayment(sql, { customerId, amount: euros })
    return { paymentId: id, customerId }
  }

  it('claims an authorization that covers the total, and answers the same when asked again', async () => {
    const payment = await authorization(50)
    const orderId = randomUUID()
    const claim = { ...payment, orderId, totalCents: cents(40) }
    expect(await settlePaymentForOrder(sql, claim)).toEqual({ outcome: 'confirmed' })
    expect(await settlePaymentForOrder(sql, claim)).toEqual({ outcome: 'confirmed' })
    expect(await getPayment(sql, payment.paymentId)).toMatchObject({ status: 'authorized', orderId })
    expect(await settlePaymentForOrder(sql, { ...claim, orderId: randomUUID() }))
      .toEqual({ outcome: 'rejected', reason: 'NOT_ENOUGH_MONEY', authorizedCents: 5000, totalCents: 4000 })
  })

  it('rejects a total one cent above the amount, and leaves the authorization unclaimed', async () => {
    const payment = await authorization(50)
    expect(await settlePaymentForOrder(sql, { ...payment, orderId: randomUUID(), totalCents: 5001 }))
      .toEqual({ outcome: 'rejected', reason: 'NOT_ENOUGH_MONEY', authorizedCents: 5000, totalCents: 5001 })
    expect(await getPayment(sql, payment.paymentId)).toMatchObject({ orderId: null, status: 'authorized' })
  })

  it('rejects an unknown payment, and another customer\'s, as nothing authorized', async () => {
    const payment = await authorization(50)
    const nothing = { outcome: 'rejected', reason: 'NOT_ENOUGH_MONEY', authorizedCents: 0, totalCents: 100 }
    expect(await settlePaymentForOrder(sql, { ...payment, paymentId: randomUUID(), orderId: randomUUID(), totalCents: 100 })).toEqual(nothing)
    expect(await settlePaymentForOrder(sql, { ...payment, customerId: randomUUID(), orderId: randomUUID(), totalCents: 100 })).toEqual(nothing)
    expect((await getPayment(sql, payment.paymentId)).orderId).toBeNull()
  })

  it('lets exactly one of two orders racing for one authorization win', async () => {
    for (let round = 0; round < 10; round++) {
      const payment = await authorization(100)
      const orders = [randomUUID(), randomUUID()]
      const decisions = await Promise.all(orders.map(orderId => settlePaymentForOrder(sql, { ...payment, orderId, totalCents: cents(60) })))
      const winners = orders.filter((_, index) => decisions[index]!.outcome === 'confirmed')
      expect(winners).toHaveLength(1)
      expect((await getPayment(sql, payment.paymentId)).orderId).toBe(winners[0])
    }
  })

  type Settle = (db: typeof sql, orderId: string, paymentId: string) => Promise<boolean>
  const voids: Settle = (db, orderId, paymentId) => voidPaymentForOrder(db, { orderId, paymentId })
  it.each([
    ['voids', voids, (db: typeof sql, orderId: string) => capturePaymentForOrder(db, orderId), 'voided'],
    ['captures', (db: typeof sql, orderId: string) => capturePaymentForOrder(db, orderId), voids, 'captured'],
  ] as const)('%s the order\'s authorization idempotently, and never the other way afterwards', async (_, settle, opposite, status) => {
    const payment = await authorization(30)
    const orderId = randomUUID()
    await settlePaymentForOrder(sql, { ...payment, orderId, totalCents: 3000 })
    expect(await settle(sql, orderId, payment.paymentId)).toBe(true)
    expect(await settle(sql, orderId, payment.paymentId)).toBe(true)
    expect(await opposite(sql, orderId, payment.paymentId)).toBe(false)
    expect(await getPayment(sql, payment.paymentId)).toMatchObject({ status, orderId })
    // Spent, it funds nothing new; a redelivery of its own order still gets its first answer.
    expect((await settlePaymentForOrder(sql, { ...payment, orderId: randomUUID(), totalCents: 100 })).outcome).toBe('rejected')
    expect(await settlePaymentForOrder(sql, { ...payment, orderId, totalCents: 3000 })).toEqual({ outcome: 'confirmed' })
  })

  it('lets exactly one of a racing void and capture happen', async () => {
    for (let round = 0; round < 10; round++) {
      const payment = await authorization(30)
      const orderId = randomUUID()
      await settlePaymentForOrder(sql, { ...payment, orderId, totalCents: 3000 })
      const [voided, captured] = await Promise.all([voidPaymentForOrder(sql, { orderId, paymentId: payment.paymentId }), capturePaymentForOrder(sql, orderId)])
      expect(voided !== captured).toBe(true)
      expect((await getPayment(sql, payment.paymentId)).status).toBe(voided ? 'voided' : 'captured')
    }
  })

  it('changes nothing for an order that holds no authorization', async () => {
    const payment = await authorization(30)
    await settlePaymentForOrder(sql, { ...payment, orderId: randomUUID(), totalCents: 100 })
    expect(await voidPaymentForOrder(sql, { orderId: randomUUID(), paymentId: payment.paymentId })).toBe(false)
    expect(await capturePaymentForOrder(sql, randomUUID())).toBe(false)
    expect((await getPayment(sql, payment.paymentId)).status).toBe('authorized')
  })

  it('wins when the void arrives before the claim: the late claim finds the money released', async () => {
    const payment = await authorization(30)
    const orderId = randomUUID()
    expect(await voidPaymentForOrder(sql, { orderId, paymentId: payment.paymentId })).toBe(true)
    await settlePaymentForOrder(sql, { ...payment, orderId, totalCents: 3000 })
    expect(await getPayment(sql, payment.paymentId)).toMatchObject({ status: 'voided', orderId })
    expect((await settlePaymentForOrder(sql, { ...payment, orderId: randomUUID(), totalCents: 100 })).outcome).toBe('rejected')
  })

  it('tells the ordering module which payments are still open, and whose they are', async () => {
    const [payment, other] = [await authorization(30), await authorization(40)]
    const unknown = randomUUID()
    expect(await findOpenAuthorizations(sql, [payment.paymentId, other.paymentId, unknown]))
      .toEqual(new Map([[payment.paymentId, payment.customerId], [other.paymentId, other.customerId]]))
    await settlePaymentForOrder(sql, { ...payment, orderId: randomUUID(), totalCents: 100 })
    expect(await findOpenAuthorizations(sql, [payment.paymentId, other.paymentId])).toEqual(new Map([[other.paymentId, other.customerId]]))
    expect(await findOpenAuthorizations(sql, [])).toEqual(new Map())
  })

  it('runs inside the caller\'s transaction: a rolled-back claim leaves the authorization free', async () => {
    const payment = await authorization(30)
    const rollBack = new Error('roll back')
    await expect(sql.begin(async (transaction) => {
      expect(await settlePaymentsForOrders(transaction, [{ ...payment, orderId: randomUUID(), totalCents: 100 }])).toEqual([{ outcome: 'confirmed' }])
      throw rollBack
    })).rejects.toBe(rollBack)
    expect((await getPayment(sql, payment.paymentId)).orderId).toBeNull()
  })

  it('lists a customer\'s payments and counts them per customer', async () => {
    const payment = await authorization(10)
    await authorizePayment(sql, { customerId: payment.customerId, amount: 20 })
    expect((await listCustomerPayments(sql, payment.customerId)).map(listed => listed.amount)).toEqual([10, 20])
    const counts = await countPaymentsByCustomer(sql, [payment.customerId, randomUUID()])
    expect([...counts]).toEqual([[payment.customerId, 2]])
  })
})
