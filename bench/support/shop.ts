import { randomUUID } from 'node:crypto'
import http from 'node:http'
import postgres from 'postgres'
import { Client } from '../../tests/support/http'
import { ADMIN_PASSWORD, cpuMeter, type BenchStack } from './stack'
import { pool, sleep } from './stats'

export type Item = { productId: string, quantity: number }

/** The catalog the scenarios order from: stores with products, ids kept. */
export interface Catalog {
  /** Products of stores that confirm at the stack's default delay. */
  regular: { storeId: string, productIds: string[] }[]
  /** A store with a confirmation delay of its own (set with PATCH confirmDelayMs). */
  slow?: { storeId: string, productIds: string[] }
}

/** What the bench holds for one stack: the admin client, a small pool for reading outcomes, the catalog. */
export interface Shop {
  stack: BenchStack
  admin: Client
  sql: postgres.Sql
  catalog: Catalog
}

const STOCK = 100_000_000

/**
 * Seeds through the HTTP API: `stores` participating stores of `perStore` products each, plus an
 * optional slow store (its products count towards the catalog too).
 */
export async function openShop(stack: BenchStack, layout: { stores: number, perStore: number, slowStoreDelayMs?: number }): Promise<Shop> {
  const admin = new Client(stack.baseUrl)
  const signIn = await admin.post('/api/auth/admin', { password: ADMIN_PASSWORD })
  if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status} ${signIn.text}`)
  const regular = []
  for (let i = 0; i < layout.stores; i++) regular.push(await seedStore(admin, `Bench store ${i + 1}`, layout.perStore))
  let slow
  if (layout.slowStoreDelayMs !== undefined) {
    slow = await seedStore(admin, 'Bench slow store', layout.perStore)
    const patched = await admin.patch(`/api/stores/${slow.storeId}`, { confirmDelayMs: layout.slowStoreDelayMs })
    if (patched.status !== 200) throw new Error(`store delay failed: ${patched.status} ${patched.text}`)
  }
  const sql = postgres(stack.database.url, { max: 2, onnotice: () => {}, connection: { application_name: 'plaza-bench' } })
  return { stack, admin, sql, catalog: { regular, slow } }
}

async function seedStore(admin: Client, name: string, products: number) {
  const store = await admin.post('/api/stores', { name, location: 'Lisbon' })
  if (store.status !== 201) throw new Error(`store creation failed: ${store.status} ${store.text}`)
  const storeId = store.data.id as string
  const participating = await admin.put(`/api/stores/${storeId}/participating`)
  if (participating.status !== 200) throw new Error(`participation failed: ${participating.status} ${participating.text}`)
  const productIds = await pool(products, 5, async (index) => {
    const created = await admin.post(`/api/stores/${storeId}/products`, {
      name: `${name} product ${index + 1}`,
      description: 'A product seeded by the benchmark, with a description of ordinary length.',
      stock: STOCK,
      price: 1 + (index % 50) + 0.99,
    })
    if (created.status !== 201) throw new Error(`product creation failed: ${created.status} ${created.text}`)
    return created.data.id as string
  })
  return { storeId, productIds }
}

/** One basket across two regular stores: the usual shape (a payment and two store confirmations). */
export function basket(catalog: Catalog, index: number): Item[] {
  const stores = catalog.regular
  const first = stores[index % stores.length]!
  const second = stores[(index + 1) % stores.length]!
  return [
    { productId: first.productIds[index % first.productIds.length]!, quantity: 1 },
    { productId: second.productIds[(index * 7) % second.productIds.length]!, quantity: 2 },
  ].filter((item, i, items) => items.findIndex(other => other.productId === item.productId) === i)
}

/** A basket with one line from the slow store and one from a regular store. */
export function slowBasket(catalog: Catalog, index: number): Item[] {
  const slow = catalog.slow!
  const regular = catalog.regular[index % catalog.regular.length]!
  return [
    { productId: slow.productIds[index % slow.productIds.length]!, quantity: 1 },
    { productId: regular.productIds[index % regular.productIds.length]!, quantity: 1 },
  ]
}

/** An order ready to submit: a signed-in customer (cookie), an open authorization, the body. */
export interface PreparedOrder {
  cookie: string
  body: string
  idempotencyKey: string
}

let phones = 0

/** Registers `count` customers and authorizes a payment for each, through the API, before any timing starts. */
export async function prepareOrders(shop: Shop, count: number, items: (index: number) => Item[]): Promise<PreparedOrder[]> {
  const run = Date.now() % 1e5
  return pool(count, 8, async (index) => {
    const client = new Client(shop.stack.baseUrl)
    const phone = `+351 9${String(run).padStart(5, '0')}${String(++phones).padStart(6, '0')}`
    const customer = await client.post('/api/customers', { name: `Bench customer ${index}`, phone, password: 'bench-password' })
    if (customer.status !== 201) throw new Error(`registration failed: ${customer.status} ${customer.text}`)
    const customerId = customer.data.id as string
    // Generous: every basket costs well under 1,000 €.
    const payment = await client.post('/api/payments', { customerId, amount: 1000 })
    if (payment.status !== 201) throw new Error(`authorization failed: ${payment.status} ${payment.text}`)
    return { cookie: client.cookieHeader, body: JSON.stringify({ customerId, paymentId: payment.data.id, items: items(index) }), idempotencyKey: randomUUID() }
  })
}

/**
 * The load generator's HTTP client: node:http with kept-alive connections, as many as there are
 * requests in flight. fetch costs the bench process about twice the CPU per request, and the bench
 * shares the two cores with what it measures. A connection idle for 4 s is closed on this side,
 * before the web's 5 s idle timeout can close it under a request on its way.
 */
const agent = new http.Agent({ keepAlive: true, timeout: 4_000 })

/**
 * POSTs again (up to three times) when a kept-alive connection turns out to have been closed by the
 * server as the request went out (its idle timeout, 5 s, racing a request): the way Node's
 * documentation handles it. Safe for orders: each carries an Idempotency-Key.
 */
function post(url: string, body: string, headers: Record<string, string>, retries = 3): Promise<{ status: number, text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', chunk => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString() }))
      response.on('error', reject)
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (request.reusedSocket && error.code === 'ECONNRESET' && retries > 0) resolve(post(url, body, headers, retries - 1))
      else reject(error)
    })
    request.end(body)
  })
}

/** Submits one prepared order; returns the new order's id and the client-side time the POST took. */
export async function submit(baseUrl: string, order: PreparedOrder): Promise<{ id: string, ms: number }> {
  const started = performance.now()
  const { status, text } = await post(`${baseUrl}/api/orders`, order.body, { 'content-type': 'application/json', cookie: order.cookie, 'idempotency-key': order.idempotencyKey })
  // 200: a retried POST the server had taken after all, answered with the order the key made.
  if (status !== 201 && status !== 200) throw new Error(`order submission failed: ${status} ${text}`)
  return { id: JSON.parse(text).id, ms: performance.now() - started }
}

export interface Outcome {
  id: string
  status: string
  placedAt: Date
  updatedAt: Date
}

/**
 * Waits until none of the orders is pending, reading the read model directly (cheap, and the same
 * rows GET /api/orders/:id returns), then returns each order's status and times.
 */
export async function waitUntilDecided(shop: Shop, ids: string[], timeoutMs: number): Promise<Outcome[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [{ pending }] = await shop.sql<[{ pending: number }]>`
      select count(*)::int as pending from ordering.orders where id = any(${ids}::uuid[]) and status = 'pending'`
    if (pending === 0) break
    if (Date.now() > deadline) throw new Error(`${pending} of ${ids.length} orders still pending after ${timeoutMs} ms`)
    await sleep(25)
  }
  const rows = await shop.sql<{ id: string, status: string, placed_at: Date, updated_at: Date }[]>`
    select id, status, placed_at, updated_at from ordering.orders where id = any(${ids}::uuid[])`
  if (rows.length !== ids.length) throw new Error(`only ${rows.length} of ${ids.length} orders were found`)
  return rows.map(row => ({ id: row.id, status: row.status, placedAt: row.placed_at, updatedAt: row.updated_at }))
}

/** Waits until no order is pending and the outbox is empty, so the next measurement starts on an idle pipeline. */
export async function waitUntilIdle(shop: Shop, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [{ busy }] = await shop.sql<[{ busy: boolean }]>`
      select exists (select 1 from ordering.orders where status = 'pending')
          or exists (select 1 from platform.outbox where published_at is null) as busy`
    if (!busy) return
    if (Date.now() > deadline) throw new Error(`the pipeline is still busy after ${timeoutMs} ms`)
    await sleep(50)
  }
}

/**
 * Counts CPU seconds of web, workers and the stack's Postgres backends (the server processes serving
 * the app's connections: 'plaza' and 'plaza-rate-limits' for the web, 'plaza-worker' for the workers,
 * not the bench's own; the pools keep their connections, so the set is stable).
 */
export async function shopCpuMeter(shop: Shop) {
  const backends = await shop.sql<{ pid: number, applicationName: string }[]>`
    select pid, application_name as "applicationName" from pg_stat_activity where datname = ${shop.stack.database.name} and application_name in ('plaza', 'plaza-rate-limits', 'plaza-worker')`
  const pids = (names: string[]) => backends.filter(backend => names.includes(backend.applicationName)).map(backend => backend.pid)
  return cpuMeter(shop.stack, pids(['plaza', 'plaza-rate-limits', 'plaza-worker']), pids(['plaza-worker']))
}

export async function closeShop(shop: Shop) {
  await shop.sql.end({ timeout: 1 })
}
