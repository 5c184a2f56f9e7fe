import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { priceBaskets } from '../../../../../server/modules/catalog'
import { placeOrders, type PlaceOrderOutcome, type PlaceOrderRequest } from '../../../../../server/modules/ordering/commands/place-orders'
import { findOpenAuthorizations } from '../../../../../server/modules/payments'
import { seedStore, signedInAdmin } from '../../../../support/admin'
import { authorize, newCustomer } from '../../../../support/shopping'

const sql = postgres(inject('databaseUrl'), { max: 4, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
afterAll(() => sql.end({ timeout: 1 }))

const ports = { priceBaskets, findOpenAuthorizations, now: () => new Date(), deadlineMs: 60_000, idempotencyTtlMs: 86_400_000 }

/** A registered customer with an open authorization of 100 €. */
async function shopper() {
  const { client, customerId } = await newCustomer(inject('baseUrl'))
  return { customerId, paymentId: await authorize(client, customerId, 100) }
}

const created = (outcome: PlaceOrderOutcome) => ('order' in outcome && outcome.created ? outcome.order.id : undefined)
const refusal = (outcome: PlaceOrderOutcome) => ('error' in outcome ? (outcome.error as { code?: string }).code : undefined)

describe('placing orders together', () => {
  it('writes a batch in one go, answering each request on its own', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [onSale] } = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 100, price: 10 }])
    await admin.put(`/api/stores/${storeId}/participating`)
    const { productIds: [notOnSale] } = await seedStore(admin, undefined, [{ name: 'Hidden', stock: 100, price: 10 }])
    const [a, b, c, d, e] = await Promise.all([shopper(), shopper(), shopper(), shopper(), shopper()])
    const items = [{ productId: onSale!, quantity: 2 }]

    const requests: PlaceOrderRequest[] = [
      { ...a!, items },
      { ...b!, items, idempotencyKey: 'checkout-1' },
      { ...c!, items: [{ productId: notOnSale!, quantity: 1 }] },
      { customerId: d!.customerId, paymentId: e!.paymentId, items },
      { ...e!, items: [{ productId: onSale!, quantity: 1 }, { productId: onSale!, quantity: 3 }] },
    ]
    const outcomes = await placeOrders(sql, requests, ports)
    expect(outcomes.map(refusal)).toEqual([undefined, undefined, 'UNPROCESSABLE', 'UNPROCESSABLE', undefined])
    const ids = [outcomes[0], outcomes[1], outcomes[4]].map(outcome => created(outcome!)!)
    expect(new Set(ids).size).toBe(3)
    expect(outcomes[0]).toMatchObject({ created: true, order: { customerId: a!.customerId, paymentId: a!.paymentId, status: 'pending', version: 1 } })
    expect((outcomes[4] as { order: { lines: { quantity: number }[] } }).order.lines.map(line => line.quantity)).toEqual([4])

    // One clock for the event, the read model and the message of every order of the batch. (The
    // stack's worker is deciding these orders meanwhile: only the first event is looked at.)
    const rows = await sql<{ createdAt: Date, placedAt: Date, occurredAt: string, type: string, idempotencyKey: string | null }[]>`
      select e.created_at, o.placed_at, m.payload->>'occurredAt' as occurred_at, m.payload->>'type' as type, o.idempotency_key
      from ordering.order_events e
      join ordering.orders o on o.id = e.order_id
      join platform.outbox m on m.id = e.message_id
      where e.order_id = any(${ids}::uuid[]) and e.version = 1
      order by array_position(${ids}::uuid[], e.order_id)`
    expect(rows).toHaveLength(3)
    for (const row of rows) {
      expect(row.type).toBe('OrderPlaced')
      expect(row.placedAt).toEqual(row.createdAt)
      expect(row.occurredAt).toBe(row.createdAt.toISOString())
      expect(row.createdAt.toISOString()).toBe((outcomes[0] as { order: { placedAt: string } }).order.placedAt)
    }
    expect(rows.map(row => row.idempotencyKey)).toEqual([null, 'checkout-1', null])

    // The retried request gets its order back; a payment named twice in one batch funds one order,
    // and the batch's other orders are placed all the same.
    const [f, g] = await Promise.all([shopper(), shopper()])
    const again = await placeOrders(sql, [
      { ...b!, items, idempotencyKey: 'checkout-1' },
      { ...f!, items },
      { ...g!, items },
      { ...g!, items: [{ productId: onSale!, quantity: 1 }] },
    ], ports)
    expect(again[0]).toMatchObject({ created: false, order: { id: ids[1] } })
    expect(again[1]).toMatchObject({ created: true, order: { customerId: f!.customerId, paymentId: f!.paymentId, status: 'pending', version: 1 } })
    expect(again[2]).toMatchObject({ created: true, order: { customerId: g!.customerId, paymentId: g!.paymentId, status: 'pending', version: 1 } })
    expect(refusal(again[3]!)).toBe('CONFLICT')
    const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from ordering.orders where payment_id = ${g!.paymentId}`
    expect(count).toBe(1)
  })
})
