import { describe, expect, inject, it } from 'vitest'
import { seedStore, signedInAdmin } from '../../support/admin'
import { TEST_CUSTOMER_PASSWORD } from '../../support/customer'
import { Client } from '../../support/http'
import { newCustomer, order } from '../../support/shopping'

// The shared stack runs with the default cap, PLAZA_LIVE_STREAMS_PER_SESSION = 10.
const CAP = 10

describe('live order streams', () => {
  it('allows a session 10 open streams, answers 429 to the 11th, and frees a slot when one closes', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [lamp] } = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 100, price: 1 }])
    await admin.put(`/api/stores/${storeId}/participating`)
    const { client, customerId, phone } = await newCustomer(inject('baseUrl'))
    const placed = await order(client, customerId, [{ productId: lamp!, quantity: 1 }], 1)
    expect(placed.status).toBe(201)
    const url = `${client.baseUrl}/api/orders/${placed.data.id}/live`
    const open = () => {
      const controller = new AbortController()
      return fetch(url, { headers: { cookie: client.cookieHeader, accept: 'text/event-stream' }, signal: controller.signal })
        .then(response => ({ response, close: () => controller.abort() }))
    }

    const streams = await Promise.all(Array.from({ length: CAP }, open))
    try {
      expect(streams.map(stream => stream.response.status)).toEqual(Array.from({ length: CAP }, () => 200))
      const refused = await open()
      expect(refused.response.status).toBe(429)
      expect((await refused.response.json()).message).toMatch(/Too many live order streams/)

      // Another session of the same customer has its own allowance.
      const elsewhere = new Client(inject('baseUrl'))
      expect((await elsewhere.post('/api/auth/customer', { phone, password: TEST_CUSTOMER_PASSWORD })).status).toBe(200)
      const second = await fetch(url, { headers: { cookie: elsewhere.cookieHeader } })
      expect(second.status).toBe(200)
      await second.body?.cancel()

      streams.pop()!.close()
      let reopened: Awaited<ReturnType<typeof open>> | undefined
      for (let attempt = 0; attempt < 50 && reopened?.response.status !== 200; attempt++) {
        await new Promise(resolve => setTimeout(resolve, 100))
        reopened = await open()
        if (reopened.response.status !== 200) await reopened.response.body?.cancel()
      }
      expect(reopened!.response.status).toBe(200)
      streams.push(reopened!)
    }
    finally {
      for (const stream of streams) stream.close()
    }
  })
})
