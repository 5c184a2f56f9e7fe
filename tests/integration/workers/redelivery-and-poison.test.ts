import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../support/admin'
import { publishRaw, streamMessagesOf } from '../../support/nats'
import { newCustomer, order, waitForOrder } from '../../support/shopping'

const baseUrl = () => inject('baseUrl')
const prefix = () => inject('natsPrefix')

async function acceptedOrder(stock = 5) {
  const admin = await signedInAdmin()
  const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Kettle', stock, price: 10 }])
  await admin.put(`/api/stores/${storeId}/participating`)
  const { client, customerId } = await newCustomer(baseUrl())
  const placed = await order(client, customerId, [{ productId: productId!, quantity: 1 }], 10)
  expect((await waitForOrder(client, placed.data.id)).status).toBe('accepted')
  return { admin, client, orderId: placed.data.id as string, productId: productId! }
}

describe('at-least-once delivery, effectively once', () => {
  it('changes nothing when every message of an order is published again', async () => {
    const { client, orderId, productId } = await acceptedOrder()
    await client.post(`/api/orders/${orderId}/pay`)
    await new Promise(resolve => setTimeout(resolve, 500))
    const before = (await client.get(`/api/orders/${orderId}/events`)).data
    const stockBefore = (await anonymous().get(`/api/products/${productId}`)).data.stock

    const messages = await streamMessagesOf(prefix(), orderId)
    expect(messages.map(message => message.subject.split('.').slice(1).join('.')).sort()).toEqual([
      'catalog.store-confirmed', 'ordering.order-accepted', 'ordering.order-delivered', 'ordering.order-placed', 'payments.payment-confirmed',
    ])
    for (const message of messages) await publishRaw(message.subject, message.body)
    await new Promise(resolve => setTimeout(resolve, 1500))

    expect((await client.get(`/api/orders/${orderId}/events`)).data).toEqual(before)
    expect((await anonymous().get(`/api/products/${productId}`)).data.stock).toBe(stockBefore)
    expect((await client.get(`/api/orders/${orderId}`)).data.status).toBe('delivered')
  })
})

describe('poison messages', () => {
  it('are recorded as dead letters while good orders keep flowing, and can be redriven', async () => {
    const unknownOrder = randomUUID()
    await publishRaw(`${prefix()}.ordering.order-placed`, 'this is not json {')
    await publishRaw(`${prefix()}.ordering.order-placed`, JSON.stringify({ type: 'OrderPlaced', hello: 'world' }))
    await publishRaw(`${prefix()}.payments.payment-confirmed`, JSON.stringify({
      type: 'PaymentConfirmed', messageId: randomUUID(), orderId: unknownOrder, occurredAt: new Date().toISOString(), causationId: null, paymentId: randomUUID(),
    }))

    // acceptedOrder() fails unless this order is accepted.
    await acceptedOrder()

    const admin = await signedInAdmin()
    await expect.poll(async () => (await admin.get('/api/pipeline')).data.deadLetters.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5)
    const { deadLetters, consumers, outbox } = (await admin.get('/api/pipeline')).data
    const reasons = deadLetters.map((letter: { consumer: string, reason: string }) => `${letter.consumer}: ${letter.reason}`)
    expect(reasons).toEqual(expect.arrayContaining([
      'payments: unparseable JSON',
      'catalog: unparseable JSON',
      expect.stringMatching(/^payments: not an ordering message/),
      expect.stringMatching(/^catalog: not an ordering message/),
      `ordering: unknown order ${unknownOrder}`,
    ]))
    expect(consumers.map((consumer: { name: string }) => consumer.name)).toEqual(['payments', 'catalog', 'ordering'])
    expect(outbox).toMatchObject({ unpublished: expect.any(Number) })

    const unknown = deadLetters.find((letter: { reason: string }) => letter.reason.includes(unknownOrder))
    expect((await admin.post(`/api/pipeline/dead-letters/${unknown.id}/redrive`)).status).toBe(200)
    expect((await admin.post(`/api/pipeline/dead-letters/${unknown.id}/redrive`)).status).toBe(404)
    // Still unknown, so it comes back as a new dead letter rather than looping.
    await expect.poll(async () => (await admin.get('/api/pipeline')).data.deadLetters.filter((letter: { reason: string }) => letter.reason.includes(unknownOrder)).length, { timeout: 10_000 }).toBe(2)
  })

  it('refuses the pipeline panel to anyone but the admin', async () => {
    expect((await anonymous().get('/api/pipeline')).status).toBe(401)
    const { client } = await newCustomer(baseUrl())
    expect((await client.get('/api/pipeline')).status).toBe(403)
  })
})
