import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../../support/http'
import { startOtlpReceiver, type ReceivedSpan } from '../../support/otlp-receiver'
import { TEST_ADMIN_PASSWORD } from '../../support/server'
import { newCustomer, order, waitForOrder } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

const SERVER = 2
const CONSUMER = 5

/** The span and its ancestors, nearest first, as far as the spans received go. */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.map(each => [each.spanId, each]))
  const chain = [span]
  for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) chain.push(parent)
  return chain
}

describe('tracing (OpenTelemetry, OTLP over HTTP)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
  let stack: Stack
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    stack = await startStack('tracing', {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    })
  }, 90_000)
  afterAll(async () => {
    await stack?.stop()
    await receiver?.close()
  })

  it('makes one order one trace, from the web request through every publish and consumer to its decision, and on to its payment', async () => {
    const admin = new Client(stack.server.baseUrl)
    await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
    const store = (await admin.post('/api/stores', { name: 'Traced', location: 'Here' })).data
    await admin.put(`/api/stores/${store.id}/participating`)
    const product = (await admin.post(`/api/stores/${store.id}/products`, { name: 'Lamp', stock: 10, price: 2 })).data
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const placed = await order(client, customerId, [{ productId: product.id, quantity: 1 }], 2)
    expect(placed.status).toBe(201)
    expect((await waitForOrder(client, placed.data.id)).status).toBe('accepted')

    const subject = (relative: string) => `${stack.prefix}.${relative}`
    const findPost = () => receiver.spans.find(span => span.name === 'POST /api/orders' && span.kind === SERVER)
    let trace: ReceivedSpan[] = []
    // The decision's message is sent last: once its span is in, with every ancestor, the trace is complete.
    await expect.poll(() => {
      const post = findPost()
      trace = post ? receiver.spans.filter(span => span.traceId === post.traceId) : []
      const accepted = trace.find(span => span.name === `send ${subject('ordering.order-accepted')}`)
      return accepted ? ancestry(accepted, trace).at(-1)?.name : undefined
    }, { timeout: 20_000, interval: 200 }).toBe('POST /api/orders')

    const post = findPost()!
    expect(post).toMatchObject({ service: 'plaza-web', parentSpanId: '', attributes: { 'http.route': '/api/orders', 'http.response.status_code': 201 } })
    // Every span of the trace hangs off another of it, up to the request.
    expect(trace.filter(span => span !== post && !trace.some(parent => parent.spanId === span.parentSpanId))).toEqual([])
    expect(new Set(trace.map(span => span.service))).toEqual(new Set(['plaza-web', 'plaza-worker']))

    // The chain to the decision: sent by the web once the order committed, handled by payments or
    // catalog, their result sent by the worker after its commit and handled by ordering, which sends the decision.
    const accepted = trace.find(span => span.name === `send ${subject('ordering.order-accepted')}`)!
    const chain = ancestry(accepted, trace).map(span => `${span.service} ${span.name}`)
    expect(chain).toEqual([
      `plaza-worker send ${subject('ordering.order-accepted')}`,
      expect.stringMatching(new RegExp(`^plaza-worker process ${subject('(payments.payment|catalog.store)-confirmed')}$`)),
      expect.stringMatching(new RegExp(`^plaza-worker send ${subject('(payments.payment|catalog.store)-confirmed')}$`)),
      `plaza-worker process ${subject('ordering.order-placed')}`,
      `plaza-web send ${subject('ordering.order-placed')}`,
      'plaza-web POST /api/orders',
    ])
    // OrderPlaced was handled by both of its consumers, each in the trace.
    const placedHandlers = trace.filter(span => span.name === `process ${subject('ordering.order-placed')}` && span.kind === CONSUMER)
    expect(placedHandlers.map(span => span.attributes['messaging.consumer.group.name']).sort()).toEqual(['catalog', 'payments'])

    // Batches are spans of their own (one serves many traces), linked to the messages they handled;
    // their transactions are spans within them. The web's write of the order is a linked batch too.
    const batchOf = (message: ReceivedSpan) => receiver.spans.find(span => span.links.some(link => link.spanId === message.spanId))
    const batch = batchOf(placedHandlers[0]!)
    expect(batch?.name).toMatch(/^process (catalog|payments) batch$/)
    expect(receiver.spans.some(span => span.name === 'db.transaction' && span.parentSpanId === batch!.spanId)).toBe(true)
    expect(batchOf(post)?.name).toBe('ordering.place-orders')

    // Paid later, in a request of its own: the payment continues the order's trace, linked to that request.
    expect((await client.post(`/api/orders/${placed.data.id}/pay`)).status).toBe(200)
    const deliveredHandled = () => receiver.spans.find(span => span.traceId === post.traceId && span.name === `process ${subject('ordering.order-delivered')}`)
    await expect.poll(deliveredHandled, { timeout: 20_000, interval: 200 }).toBeDefined()
    const afterPayment = receiver.spans.filter(span => span.traceId === post.traceId)
    expect(ancestry(deliveredHandled()!, afterPayment).map(span => span.name)).toEqual([
      `process ${subject('ordering.order-delivered')}`,
      `send ${subject('ordering.order-delivered')}`,
      'db.transaction',
      'order pay',
      'POST /api/orders',
    ])
    const payment = afterPayment.find(span => span.name === 'order pay')!
    const payRequest = receiver.spans.find(span => span.name === 'POST /api/orders/:id/pay')
    expect(payRequest?.traceId).not.toBe(post.traceId)
    expect(payment.links).toEqual([{ traceId: payRequest!.traceId, spanId: payRequest!.spanId }])

    // Log lines carry the trace: the worker's line for the handled OrderPlaced names it.
    const handledLine = stack.worker.output().split('\n').find(line => line.includes('"message handled"') && line.includes(placed.data.id) && line.includes('"OrderPlaced"'))
    expect(handledLine).toContain(`"trace_id":"${post.traceId}"`)
  })
})
