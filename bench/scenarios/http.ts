import autocannon from 'autocannon'
import type { Scenario } from '../support/context'
import { basket, prepareOrders, shopCpuMeter, waitUntilIdle, type Shop } from '../support/shop'

const CONNECTIONS = 10

interface Load {
  requestsPerSecond: number
  p99Ms: number
  failures: number
  /** The web process's CPU milliseconds per request while the load ran. */
  webCpuMs: number
}

async function load(shop: Shop, options: autocannon.Options): Promise<Load> {
  const cpu = await shopCpuMeter(shop)
  const started = performance.now()
  // autocannon notices that a fixed number of requests is done only at its next one-second tick,
  // so its duration (and the run's end) is rounded up to whole seconds: time to the last response.
  let lastResponse = started
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)))
    run.on('response', () => (lastResponse = performance.now()))
  })
  const seconds = (lastResponse - started) / 1000
  return {
    requestsPerSecond: result.requests.total / seconds,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    webCpuMs: (cpu().webS * 1000) / result.requests.total,
  }
}

/** POST /api/orders, each request from the next prepared customer with its own payment. */
async function orderCreation(shop: Shop, count: number): Promise<Load> {
  const orders = await prepareOrders(shop, count, index => basket(shop.catalog, index))
  let next = 0
  return load(shop, {
    url: shop.stack.baseUrl,
    amount: count,
    requests: [{
      method: 'POST',
      path: '/api/orders',
      setupRequest: (request) => {
        const order = orders[next++ % orders.length]!
        return { ...request, headers: { 'content-type': 'application/json', cookie: order.cookie }, body: order.body }
      },
    }],
  })
}

/**
 * autocannon, 10 connections, against the same server: the shopping catalog query (100 products of
 * participating stores), order creation (a fixed pool of prepared customers and payments, which also
 * sets the worker going), the server-rendered /shopping page, and a bare route. There is no route
 * without middleware; /api/docs/init.js returns a constant script through the same handler wrapper
 * and middleware as every API route, touching neither the database nor NATS, so it stands for bare.
 */
export const http: Scenario = {
  name: 'http',
  async run({ quick, reps, results, log, shop: openShop }) {
    const shop = await openShop()
    const base = shop.stack.baseUrl
    const duration = quick ? 2 : 5
    const targets = {
      'bare: GET /api/docs/init.js': '/api/docs/init.js',
      'catalog: GET /api/products?participating=true': '/api/products?participating=true',
      'SSR: GET /shopping': '/shopping',
    }
    const products = await (await fetch(`${base}/api/products?participating=true`)).json() as unknown[]
    const page = await (await fetch(`${base}/shopping`)).arrayBuffer()
    results.record('http', 'catalog: products returned', 'products', [products.length])
    results.record('http', 'SSR: /shopping HTML size', 'bytes', [page.byteLength], 'target ≤ 100 KB, uncompressed')

    for (const path of Object.values(targets)) await load(shop, { url: `${base}${path}`, duration: 1 })
    const runs: Record<string, Load[]> = {}
    const orderCount = quick ? 100 : 1000
    for (let rep = 0; rep < reps; rep++) {
      for (const [label, path] of Object.entries(targets)) (runs[label] ??= []).push(await load(shop, { url: `${base}${path}`, duration }))
      ;(runs['orders: POST /api/orders'] ??= []).push(await orderCreation(shop, orderCount))
      await waitUntilIdle(shop)
      log(`http rep ${rep + 1}: ${Object.entries(runs).map(([label, list]) => `${label.split(':')[0]} ${Math.round(list.at(-1)!.requestsPerSecond)}/s`).join(', ')}`)
    }
    for (const [label, list] of Object.entries(runs)) {
      const note = label.startsWith('orders') ? `${orderCount} orders per run` : `${duration} s per run`
      results.record('http', `${label} rate`, 'req/s', list.map(run => run.requestsPerSecond), note)
      results.record('http', `${label} p99`, 'ms', list.map(run => run.p99Ms))
      results.record('http', `${label} web CPU per request`, 'ms', list.map(run => run.webCpuMs), 'CPU time, not wall time')
      const failures = list.reduce((sum, run) => sum + run.failures, 0)
      if (failures > 0) results.record('http', `${label} failures`, 'requests', list.map(run => run.failures), 'non-2xx, errors, timeouts')
    }
  },
}
