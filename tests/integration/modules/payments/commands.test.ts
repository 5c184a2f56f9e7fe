import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { authorizePayment, countPaymentsByCustomer, findOpenAuthorizations, getPayment, listCustomerPayments } from '../../../../server/modules/payments'
import { capturePaymentForOrder } from '../../../../server/modules/payments/commands/capture-payment'
import { settlePaymentsForOrders } from '../../../../server/modules/payments/commands/settle-payment'
import { voidPaymentForOrder } from '../../../../server/modules/payments/commands/void-payment'
import type { Claim } from '../../../../server/modules/payments/payment'
import { closeDb, db, type Db } from '../../../../server/platform/db'

/** One order's claim on its payment, in a transaction of its own, as the payments consumer settles a batch. */
const settlePaymentForOrder = async (sql: Db, claim: Claim) => (await sql.begin(tx => settlePaymentsForOrders(tx, [claim])))[0]!

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
