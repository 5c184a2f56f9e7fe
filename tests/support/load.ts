import { randomUUID } from 'node:crypto'
import { Client } from './http'
import { TEST_ADMIN_PASSWORD } from './server'
import { randomPhone, register } from './customer'

/** Products every store sells: one scarce (demand is about two and a half times the stock), one plentiful. */
export const SCARCE_PRICE = 3
export const PLENTY_PRICE = 2
const PLENTY_STOCK = 100_000

export interface ShopProduct {
  productId: string
  storeId: string
  stock: number
}

export interface Shop {
  baseUrl: string
  scarce: ShopProduct[]
  plenty: ShopProduct[]
  customers: { client: Client, customerId: string }[]
}

/** What an order is meant to test, and therefore how it must end. */
export type OrderKind = 'scarce' | 'plenty' | 'mixed' | 'underpaid'

export interface PlacedOrder {
  id: string
  kind: OrderKind
  items: { productId: string, quantity: number }[]
}

/** A few participating stores, each with a scarce and a plentiful product, and a few customers. */
export async function openShop(baseUrl: string, { stores = 3, scarceStock = 20, customers = 4 } = {}): Promise<Shop> {
  const admin = new Client(baseUrl)
  await expectStatus(admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD }), 200)
  const shop: Shop = { baseUrl, scarce: [], plenty: [], customers: [] }
  for (let index = 0; index < stores; index++) {
    const store = await expectStatus(admin.post('/api/stores', { name: `Fault store ${index + 1}`, location: 'Testville' }), 201)
    await expectStatus(admin.put(`/api/stores/${store.id}/participating`), 200)
    const scarce = await expectStatus(admin.post(`/api/stores/${store.id}/products`, { name: 'Scarce', description: '', stock: scarceStock, price: SCARCE_PRICE }), 201)
    const plenty = await expectStatus(admin.post(`/api/stores/${store.id}/products`, { name: 'Plenty', description: '', stock: PLENTY_STOCK, price: PLENTY_PRICE }), 201)
    shop.scarce.push({ productId: scarce.id, storeId: store.id, stock: scarceStock })
    shop.plenty.push({ productId: plenty.id, storeId: store.id, stock: PLENTY_STOCK })
  }
  for (let index = 0; index < customers; index++) {
    const client = new Client(baseUrl)
    shop.customers.push({ client, customerId: await register(client, `Fault customer ${index + 1}`, randomPhone()) })
  }
  return shop
}

/** The index-th order of a run: scarce-only, plentiful across stores, scarce with plentiful, or underpaid. */
function planOrder(shop: Shop, index: number): { kind: OrderKind, items: PlacedOrder['items'], amount: number } {
  // Every kind of order reaches every store as the run goes on.
  const store = (Math.floor(index / 6) + index) % shop.scarce.length
  const other = (store + 1) % shop.scarce.length
  switch (index % 6) {
    case 0:
    case 5:
      return { kind: 'scarce', items: [{ productId: shop.scarce[store]!.productId, quantity: 1 }], amount: SCARCE_PRICE }
    case 1:
      return { kind: 'plenty', items: [{ productId: shop.plenty[store]!.productId, quantity: 3 }], amount: 3 * PLENTY_PRICE }
    case 2:
      return { kind: 'mixed', items: [{ productId: shop.scarce[store]!.productId, quantity: 1 }, { productId: shop.plenty[other]!.productId, quantity: 2 }], amount: SCARCE_PRICE + 2 * PLENTY_PRICE }
    case 3:
      return { kind: 'underpaid', items: [{ productId: shop.plenty[store]!.productId, quantity: 2 }], amount: 2 * PLENTY_PRICE - 0.01 }
    default:
      return { kind: 'plenty', items: [{ productId: shop.plenty[store]!.productId, quantity: 1 }, { productId: shop.plenty[other]!.productId, quantity: 1 }], amount: 2 * PLENTY_PRICE }
  }
}

export interface Load {
  /** Resolves once at least `count` orders were placed (201), to strike a fault mid-run. */
  placed: (count: number) => Promise<void>
  /** Every order placed, once all are. */
  done: Promise<PlacedOrder[]>
  /** Requests the web refused with 503 or did not answer, retried. */
  retries: () => number
}

/**
 * Places `count` orders, `concurrency` at a time, as a shop's customers would: authorize, then
 * submit with an Idempotency-Key. A 503 or a dropped connection is retried (the key makes the retry
 * safe), so a server outage slows the run down but never loses or doubles an order.
 */
export function placeOrders(shop: Shop, count: number, { concurrency = 12 } = {}): Load {
  const results: PlacedOrder[] = []
  let next = 0
  let retries = 0
  const retrying = async (attempt: () => Promise<{ status: number, data: any, text: string }>, expected: number[], what: string): Promise<any> => {
    const deadline = Date.now() + 120_000
    for (;;) {
      const response = await attempt().catch((error: Error) => ({ status: 0, data: null, text: error.message }))
      if (expected.includes(response.status)) return response.data
      if (![0, 503].includes(response.status) || Date.now() > deadline) throw new Error(`${what} failed: ${response.status} ${response.text}`)
      retries++
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  }
  const placeOne = async (index: number) => {
    const { kind, items, amount } = planOrder(shop, index)
    const { client, customerId } = shop.customers[index % shop.customers.length]!
    const payment = await retrying(() => client.request('POST', '/api/payments', { json: { customerId, amount }, timeoutMs: 10_000 }), [201], 'authorization')
    const key = randomUUID()
    const placed = await retrying(() => client.request('POST', '/api/orders', {
      json: { customerId, paymentId: payment.id, items },
      headers: { 'idempotency-key': key },
      timeoutMs: 10_000,
    }), [200, 201], 'order placement')
    results.push({ id: placed.id, kind, items })
  }
  const runner = async () => {
    while (next < count) await placeOne(next++)
  }
  const done = Promise.all(Array.from({ length: concurrency }, runner)).then(() => results)
  done.catch(() => {})
  return {
    placed: async (wanted) => {
      while (results.length < wanted) {
        await Promise.race([done, new Promise(resolve => setTimeout(resolve, 50))])
        if (results.length >= count) return
      }
    },
    done,
    retries: () => retries,
  }
}

async function expectStatus(request: Promise<{ status: number, data: any, text: string }>, status: number) {
  const response = await request
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`)
  return response.data
}
