import { describe, expect, inject, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../../../support/admin'
import { newCustomer, order, waitForOrder } from '../../../../support/shopping'

// The web process keeps the catalog in memory (server/modules/catalog/queries/cached-catalog.ts) and drops it when a
// trigger notifies a change. Each test reads the catalog first, so the old answer is in memory, then
// changes it and expects the change well within the cache's 10 s backstop age.
const CATALOG = '/api/products?participating=true'
const FRESH_WITHIN_MS = 2000

type Entry = { id: string, stock: number, name: string, storeName: string }

async function catalogEntry(productId: string): Promise<Entry | undefined> {
  const response = await anonymous().get(CATALOG)
  expect(response.status).toBe(200)
  return (response.data as Entry[]).find(entry => entry.id === productId)
}

/** Polls the catalog until `seen` holds for the product's entry (or its absence); fails after FRESH_WITHIN_MS. */
async function catalogShows(productId: string, seen: (entry: Entry | undefined) => boolean) {
  const deadline = Date.now() + FRESH_WITHIN_MS
  let last: Entry | undefined
  while (Date.now() < deadline) {
    last = await catalogEntry(productId)
    if (seen(last)) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`the catalog still shows ${JSON.stringify(last)} after ${FRESH_WITHIN_MS} ms`)
}

async function openStore(products: { name: string, stock: number, price: number }[]) {
  const admin = await signedInAdmin()
  const { storeId, productIds } = await seedStore(admin, undefined, products)
  await admin.put(`/api/stores/${storeId}/participating`)
  await catalogShows(productIds[0]!, entry => entry !== undefined)
  return { admin, storeId, productIds }
}

describe('the cached shopping catalog', () => {
  it('shows a stock count the admin sets right after', async () => {
    const { admin, productIds: [lamp] } = await openStore([{ name: 'Lamp', stock: 7, price: 12 }])
    expect((await catalogEntry(lamp!))?.stock).toBe(7)
    expect((await admin.patch(`/api/products/${lamp}`, { stock: 2 })).status).toBe(200)
    await catalogShows(lamp!, entry => entry?.stock === 2)
  })

  it('shows the stock an order accepted by the worker took', async () => {
    const { productIds: [mug] } = await openStore([{ name: 'Mug', stock: 5, price: 4.5 }])
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    expect((await catalogEntry(mug!))?.stock).toBe(5)
    const placed = await order(client, customerId, [{ productId: mug!, quantity: 2 }], 9)
    expect(placed.status).toBe(201)
    expect((await waitForOrder(client, placed.data.id)).status).toBe('accepted')
    await catalogShows(mug!, entry => entry?.stock === 3)
  })

  it('follows renames, participation and removal', async () => {
    const { admin, storeId, productIds: [kettle] } = await openStore([{ name: 'Kettle', stock: 3, price: 30 }])
    await admin.patch(`/api/stores/${storeId}`, { name: 'Renamed Store' })
    await catalogShows(kettle!, entry => entry?.storeName === 'Renamed Store')
    await admin.delete(`/api/stores/${storeId}/participating`)
    await catalogShows(kettle!, entry => entry === undefined)
    await admin.put(`/api/stores/${storeId}/participating`)
    await catalogShows(kettle!, entry => entry?.name === 'Kettle')
    await admin.delete(`/api/products/${kettle}`)
    await catalogShows(kettle!, entry => entry === undefined)
  })

  it('answers 304 to its own ETag until the catalog changes', async () => {
    const { admin, productIds: [vase] } = await openStore([{ name: 'Vase', stock: 4, price: 25 }])
    const first = await anonymous().get(CATALOG)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, no-cache')

    const unchanged = await anonymous().request('GET', CATALOG, { headers: { 'if-none-match': etag! } })
    expect(unchanged.status).toBe(304)
    expect(unchanged.text).toBe('')

    await admin.patch(`/api/products/${vase}`, { stock: 1 })
    await catalogShows(vase!, entry => entry?.stock === 1)
    const changed = await anonymous().request('GET', CATALOG, { headers: { 'if-none-match': etag! } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })
})
