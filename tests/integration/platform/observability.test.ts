import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonymous } from '../../support/admin'
import { Client } from '../../support/http'
import { publishRaw } from '../../support/nats'
import { parseSamples, sampleSum, type Sample } from '../../support/prometheus'
import { freePort, TEST_ADMIN_PASSWORD, TEST_SESSION_PASSWORD } from '../../support/server'
import { newCustomer, order, waitForOrder } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

const METRICS_TOKEN = 'observability-test-metrics-token'
const bearer = { authorization: `Bearer ${METRICS_TOKEN}` }

let stack: Stack
let workerMetricsUrl: string
let orderId: string
let customer: Awaited<ReturnType<typeof newCustomer>>

/** The JSON lines of a process's output (anything else it printed is skipped). */
function jsonLines(output: string): Record<string, any>[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed = JSON.parse(line)
      return typeof parsed === 'object' && parsed !== null ? [parsed] : []
    }
    catch {
      return []
    }
  })
}

async function scrapeWeb(): Promise<Sample[]> {
  const response = await new Client(stack.server.baseUrl).request('GET', '/metrics', { headers: bearer })
  expect(response.status).toBe(200)
  return parseSamples(response.text)
}

async function scrapeWorker(): Promise<Sample[]> {
  const response = await fetch(workerMetricsUrl, { headers: bearer })
  expect(response.status).toBe(200)
  return parseSamples(await response.text())
}

beforeAll(async () => {
  const port = await freePort()
  workerMetricsUrl = `http://127.0.0.1:${port}/metrics`
  stack = await startStack('obs', { PLAZA_METRICS_TOKEN: METRICS_TOKEN, PLAZA_WORKER_METRICS_PORT: String(port) })
  const admin = new Client(stack.server.baseUrl)
  await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  const store = (await admin.post('/api/stores', { name: 'Observed', location: 'Porto' })).data
  await admin.put(`/api/stores/${store.id}/participating`)
  const product = (await admin.post(`/api/stores/${store.id}/products`, { name: 'Lamp', stock: 5, price: 10 })).data
  customer = await newCustomer(stack.server.baseUrl)
  const placed = await order(customer.client, customer.customerId, [{ productId: product.id, quantity: 1 }], 10)
  expect(placed.status).toBe(201)
  orderId = placed.data.id
  expect((await waitForOrder(customer.client, orderId)).status).toBe('accepted')
}, 60_000)
afterAll(() => stack?.stop())

describe('web /metrics', () => {
  it('is not served at all without PLAZA_METRICS_TOKEN (the shared stack has none)', async () => {
    expect((await anonymous().get('/metrics')).status).toBe(404)
  })

  it('asks for the bearer token, and refuses a wrong one', async () => {
    const client = new Client(stack.server.baseUrl)
    const missing = await client.get('/metrics')
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    const wrong = await client.request('GET', '/metrics', { headers: { authorization: 'Bearer not-the-metrics-token' } })
    expect(wrong.status).toBe(401)
    expect(wrong.text).not.toContain(METRICS_TOKEN)
  })

  it('reports orders by status, order commands and process metrics', async () => {
    const samples = await scrapeWeb()
    // This stack has taken exactly one order (beforeAll), accepted and not paid yet.
    expect(sampleSum(samples, 'plaza_orders', { status: 'accepted' })).toBe(1)
    expect(sampleSum(samples, 'plaza_orders', { status: 'delivered' })).toBe(0)
    expect(sampleSum(samples, 'plaza_order_commands_total', { command: 'placed' })).toBe(1)
    expect(sampleSum(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(sampleSum(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
  })

  it('times requests by route pattern, never by a URL with an id', async () => {
    const labels = { method: 'GET', route: '/api/orders/:id', status: '200' }
    const before = sampleSum(await scrapeWeb(), 'plaza_http_request_duration_seconds_count', labels) ?? 0
    expect((await customer.client.get(`/api/orders/${orderId}`)).status).toBe(200)
    const samples = await scrapeWeb()
    expect(sampleSum(samples, 'plaza_http_request_duration_seconds_count', labels)).toBe(before + 1)
    expect(sampleSum(samples, 'plaza_http_request_duration_seconds_count', { method: 'POST', route: '/api/orders', status: '201' })).toBe(1)
    const routes = new Set(samples.filter(sample => sample.name === 'plaza_http_request_duration_seconds_count').map(sample => sample.labels.route!))
    expect([...routes].filter(route => /[0-9a-f]{8}-[0-9a-f]{4}/i.test(route))).toEqual([])
  })
})

describe('worker /metrics', () => {
  it('asks for the bearer token when one is set', async () => {
    expect((await fetch(workerMetricsUrl)).status).toBe(401)
  })

  it('reports consumer lag, outbox lag, messages handled and process metrics', async () => {
    const samples = await scrapeWorker()
    for (const consumer of ['payments', 'catalog', 'ordering']) {
      expect(sampleSum(samples, 'plaza_consumer_pending_messages', { consumer })).toBeGreaterThanOrEqual(0)
      expect(sampleSum(samples, 'plaza_consumer_ack_pending_messages', { consumer })).toBeGreaterThanOrEqual(0)
      expect(sampleSum(samples, 'plaza_consumer_messages_total', { consumer, outcome: 'acked' })).toBeGreaterThanOrEqual(1)
    }
    expect(sampleSum(samples, 'plaza_outbox_unpublished_messages')).toBeGreaterThanOrEqual(0)
    expect(sampleSum(samples, 'plaza_outbox_oldest_unpublished_seconds')).toBeGreaterThanOrEqual(0)
    // The worker publishes its consumers' results itself, right after their commits.
    expect(sampleSum(samples, 'plaza_outbox_published_total', { by: 'writer' })).toBeGreaterThanOrEqual(2)
    expect(sampleSum(samples, 'plaza_consumer_batch_duration_seconds_count', { consumer: 'ordering' })).toBeGreaterThanOrEqual(1)
    expect(sampleSum(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0)
  })

  it('counts a poison message among the waiting dead letters', async () => {
    const waiting = async () => sampleSum(await scrapeWorker(), 'plaza_dead_letters', { state: 'waiting' })
    expect(await waiting()).toBe(0)
    await publishRaw(`${stack.prefix}.ordering.order-placed`, 'not json at all {')
    // Both consumers of order-placed (payments and catalog) record it.
    await expect.poll(waiting, { timeout: 15_000, interval: 200 }).toBe(2)
  })
})

describe('JSON logs', () => {
  it('the worker logs each message it handled with the order id and message id', () => {
    const lines = jsonLines(stack.worker.output()).filter(line => line.orderId === orderId && line.msg === 'message handled')
    expect(lines.map(line => line.consumer)).toEqual(expect.arrayContaining(['payments', 'catalog', 'ordering']))
    for (const line of lines) expect(line).toMatchObject({ level: 'info', name: 'plaza-worker', messageId: expect.stringMatching(/^[0-9a-f-]{36}$/), type: expect.any(String) })
  })

  it('the web logs the order placed with its order and customer ids', () => {
    const placed = jsonLines(stack.server.output()).find(line => line.msg === 'order placed' && line.orderId === orderId)
    expect(placed).toMatchObject({ level: 'info', name: 'plaza-web', command: 'placed', customerId: customer.customerId })
  })

  it('the web logs a refused request with its route, status and order id, without a stack trace or secrets', async () => {
    expect((await customer.client.post(`/api/orders/${orderId}/pay`)).status).toBe(200)
    const again = await customer.client.post(`/api/orders/${orderId}/pay`)
    expect(again.status).toBe(409)
    expect(again.text).not.toMatch(/stack|at .*\.(m?js|ts):\d+/)
    await new Client(stack.server.baseUrl).post('/api/auth/admin', { password: 'a-wrong-password' })
    // The web writes a line after it answered; wait for the sign-in's, the last of them.
    const refusedLine = (route: string) => jsonLines(stack.server.output()).find(line => line.msg === 'request refused' && line.route === route)
    await expect.poll(() => refusedLine('/api/auth/admin')).toMatchObject({ level: 'info', method: 'POST', status: 401, code: 'UNAUTHENTICATED' })
    expect(refusedLine('/api/orders/:id/pay')).toMatchObject({ level: 'info', method: 'POST', status: 409, code: 'CONFLICT', orderId })
    const paid = jsonLines(stack.server.output()).find(line => line.msg === 'order paid' && line.orderId === orderId)
    expect(paid).toMatchObject({ level: 'info', name: 'plaza-web', command: 'paid', customerId: customer.customerId })
    const output = stack.server.output()
    expect(output).not.toContain('"stack"')
    for (const secret of [TEST_SESSION_PASSWORD, TEST_ADMIN_PASSWORD, 'a-wrong-password', METRICS_TOKEN, customer.phone, customer.client.cookieHeader.split('=')[1]!]) {
      expect(output).not.toContain(secret)
    }
  })
})

describe('a second worker on the same host and port', () => {
  it('says the metrics port is taken and runs on without /metrics', async () => {
    const second = await stack.startWorker()
    const deadline = Date.now() + 5000
    while (!second.output().includes('EADDRINUSE') && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100))
    expect(jsonLines(second.output()).find(line => line.code === 'EADDRINUSE')).toMatchObject({ level: 'error', msg: expect.stringContaining('PLAZA_WORKER_METRICS_PORT') })
    expect(second.process.exitCode).toBeNull()
    expect((await fetch(workerMetricsUrl, { headers: bearer })).status).toBe(200)
  })
})
