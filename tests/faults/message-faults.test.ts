import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { Client } from '../support/http'
import { openShop, placeOrders, PLENTY_PRICE } from '../support/load'
import { TEST_ADMIN_PASSWORD } from '../support/server'
import { expectSettledCorrectly, report } from '../support/settlement'
import { order } from '../support/shopping'
import { publishWithIds } from '../support/stream'

describe('message faults under load', () => {
  const stackOf = useFaultStack('fmsg')
  let sql: postgres.Sql
  beforeAll(() => {
    sql = postgres(stackOf().database.url, { max: 1, onnotice: () => {} })
  })
  afterAll(() => sql?.end({ timeout: 1 }))

  it('a message that fails three times then succeeds: its order ends right, nothing is doubled', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const admin = new Client(stack.server.baseUrl)
    await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
    const flakyStore = (await admin.post('/api/stores', { name: 'Flaky store', location: 'Testville' })).data
    await admin.put(`/api/stores/${flakyStore.id}/participating`)
    const flakyProduct = (await admin.post(`/api/stores/${flakyStore.id}/products`, { name: 'Flaky', description: '', stock: 5, price: 1 })).data
    // A real failure, with no hook in the code: the database refuses to record this store's
    // confirmation on the first three deliveries of the message that carries it. A sequence counts
    // the refusals, since it is the one thing a rolled-back transaction does not undo.
    await sql.unsafe(`
      create sequence public.fault_refusals;
      create function public.fault_refuse_three_times() returns trigger language plpgsql as $$
      begin
        if new.type = 'StoreConfirmed' and new.data->>'storeId' = '${flakyStore.id}' and new.delivery_attempt <= 3 then
          perform nextval('public.fault_refusals');
          raise exception 'injected failure on delivery %', new.delivery_attempt;
        end if;
        return new;
      end $$;
      create trigger fault_refuse_three_times before insert on ordering.order_events
        for each row execute function public.fault_refuse_three_times();`)

    const load = placeOrders(shop, 200)
    await load.placed(60)
    const { client, customerId } = shop.customers[0]!
    const flakyItems = [{ productId: flakyProduct.id, quantity: 2 }, { productId: shop.plenty[0]!.productId, quantity: 1 }]
    const flaky = await order(client, customerId, flakyItems, 2 + PLENTY_PRICE)
    expect(flaky.status).toBe(201)
    // Held to the same rules as the load: it must be accepted, and its plentiful unit counts as sold.
    const settlement = await expectSettledCorrectly(stack.database.url, shop, [...await load.done, { id: flaky.data.id, kind: 'plenty', items: flakyItems }])

    const events = (await client.get(`/api/orders/${flaky.data.id}/events`)).data as { type: string, data: { storeId?: string }, deliveryAttempt: number | null }[]
    expect(events.map(event => event.type).sort()).toEqual(['OrderAccepted', 'OrderPlaced', 'PaymentConfirmed', 'StoreConfirmed', 'StoreConfirmed'])
    const confirmation = events.find(event => event.type === 'StoreConfirmed' && event.data.storeId === flakyStore.id)!
    expect(confirmation.deliveryAttempt).toBe(4)
    const [{ refusals }] = await sql<[{ refusals: number }]>`select last_value::int as refusals from public.fault_refusals`
    expect(refusals).toBeGreaterThanOrEqual(3)
    expect((await client.get(`/api/products/${flakyProduct.id}`)).data.stock).toBe(3)
    await sql.unsafe('drop trigger fault_refuse_three_times on ordering.order_events')
    report('a message refused three times, then accepted', settlement, { 'flaky order': `accepted on delivery ${confirmation.deliveryAttempt} after ${refusals} refused attempts`, total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })

  it('poison messages published while orders flow become dead letters, and the orders are unaffected', async () => {
    const stack = stackOf()
    const started = Date.now()
    const deadBefore = await deadLetterReasons()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 200)
    const subject = (relative: string) => `${stack.prefix}.${relative}`
    const poison = () => {
      const envelope = { messageId: randomUUID(), orderId: randomUUID(), occurredAt: new Date().toISOString(), causationId: randomUUID() }
      return [
        { subject: subject('ordering.order-placed'), body: '{ this is not json' },
        { subject: subject('ordering.order-placed'), body: JSON.stringify({ type: 'OrderPlaced', hello: 'world' }) },
        { subject: subject('payments.payment-confirmed'), body: JSON.stringify({ ...envelope, type: 'PaymentConfirmed', paymentId: randomUUID() }) },
        { subject: subject('catalog.store-confirmed'), body: JSON.stringify({ ...envelope, messageId: randomUUID(), type: 'StoreConfirmed', storeId: randomUUID() }) },
      ].map(message => ({ ...message, msgID: randomUUID() }))
    }
    const rounds = 5
    for (let round = 1; round <= rounds; round++) {
      await load.placed(round * 30)
      await publishWithIds(stack.nats.url, poison())
    }
    const settlement = await expectSettledCorrectly(stack.database.url, shop, await load.done)

    // Unparseable and not an ordering message: payments and catalog, which act on the subject
    // (ordering skips its own subjects unread); a result for an unknown order: ordering.
    const expected = {
      'catalog: not an ordering message': rounds,
      'catalog: unparseable JSON': rounds,
      'ordering: unknown order': 2 * rounds,
      'payments: not an ordering message': rounds,
      'payments: unparseable JSON': rounds,
    }
    await expect.poll(async () => subtract(await deadLetterReasons(), deadBefore), { timeout: 30_000 }).toEqual(expected)
    report('poison messages under load', settlement, { 'dead letters': Object.values(expected).reduce((sum, count) => sum + count, 0), total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })

  /** Dead letters counted by consumer and the kind of reason (details such as ids cut off). */
  async function deadLetterReasons() {
    const rows = await sql<{ consumer: string, reason: string }[]>`select consumer, reason from platform.dead_letters`
    const counts: Record<string, number> = {}
    for (const { consumer, reason } of rows) {
      const kind = `${consumer}: ${reason.replace(/^(not an ordering message|unknown order|invalid \w+ result).*$/, '$1')}`
      counts[kind] = (counts[kind] ?? 0) + 1
    }
    return counts
  }

  function subtract(now: Record<string, number>, before: Record<string, number>) {
    return Object.fromEntries(Object.entries(now).map(([kind, count]) => [kind, count - (before[kind] ?? 0)]).filter(([, count]) => count !== 0).sort())
  }
})
