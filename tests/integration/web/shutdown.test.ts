import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seedStore, signedInAdmin } from '../../support/admin'
import { Client } from '../../support/http'
import { startServer, type RunningServer } from '../../support/server'
import { newCustomer, order } from '../../support/shopping'

/** Well under the 30 s Nitro would wait for a connection that never closes. */
const EXIT_WITHIN_MS = 5_000

/** A POST whose body is sent in two halves: in flight until `finish` sends the second. */
function slowPost(baseUrl: string, path: string, cookie: string, json: unknown) {
  const body = JSON.stringify(json)
  const half = Math.floor(body.length / 2)
  const req = request(`${baseUrl}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), cookie } })
  const response = new Promise<{ status: number, text: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', chunk => (text += chunk)).once('end', () => resolve({ status: res.statusCode!, text }))
    })
    req.once('error', reject)
  })
  req.write(body.slice(0, half))
  return { response, finish: () => req.end(body.slice(half)) }
}

/** Opens the order's live stream and resolves once its first event (the state now) has arrived. */
async function openLive(client: Client, orderId: string) {
  const response = await fetch(`${client.baseUrl}/api/orders/${orderId}/live`, { headers: { cookie: client.cookieHeader, accept: 'text/event-stream' } })
  expect(response.status).toBe(200)
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes('event: order')) text += decoder.decode((await reader.read()).value)
  const ended = (async () => {
    for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value)
    return text
  })()
  return { ended }
}

/** True when a fresh connection to the server is refused. */
function refusesConnections(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${baseUrl}/api/health/live`, { agent: false }, (res) => {
      res.resume()
      resolve(false)
    })
    req.once('error', () => resolve(true))
    req.end()
  })
}

describe('the web stopped with SIGTERM', () => {
  // Another replica on the integration stack's database: the one this test stops.
  let replica: RunningServer
  beforeAll(async () => {
    replica = await startServer(inject('databaseUrl'), { PLAZA_NATS_PREFIX: inject('natsPrefix') })
  }, 60_000)
  afterAll(async () => {
    await replica?.stop()
  })

  it('ends its live streams, finishes the request in flight, refuses new connections and exits promptly', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [lamp] } = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 10, price: 1 }])
    await admin.put(`/api/stores/${storeId}/participating`)
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    const placed = await order(client, customerId, [{ productId: lamp!, quantity: 1 }], 1)
    expect(placed.status).toBe(201)
    const onReplica = new Client(replica.baseUrl)
    onReplica.useCookie(client.cookieHeader)

    const live = await openLive(onReplica, placed.data.id)
    const inFlight = slowPost(replica.baseUrl, '/api/payments', client.cookieHeader, { customerId, amount: 2 })
    // Let the first half of the body reach the server before the signal.
    await new Promise(resolve => setTimeout(resolve, 200))
    const signalled = Date.now()
    process.kill(replica.pid, 'SIGTERM')

    // The stream ends (with a short reconnect hint) instead of holding the process open.
    const streamText = await live.ended
    expect(Date.now() - signalled).toBeLessThan(2_000)
    expect(streamText).toMatch(/retry: 500/)
    expect(await refusesConnections(replica.baseUrl)).toBe(true)

    inFlight.finish()
    const answered = await inFlight.response
    expect(answered.status, answered.text).toBe(201)

    expect(await replica.exited).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(EXIT_WITHIN_MS)
  })
})
