import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../../../support/http'
import { anonymous, signedInAdmin } from '../../../../support/admin'

// Test files share one database, so every question here is asked of this file's own stores (store=)
// or of its own categories, whose names carry a mark.
const m = Math.random().toString(36).slice(2, 8)
let admin: Client
let shop: string
let other: string
let hidden: string
let teaId: string
let sweetsId: string
const names: Record<string, string> = {}

interface Page { items: { id: string, name: string, price: number, categoryName: string | null, storeId: string, description: string }[], total: number, nextCursor: string | null, facets: { categories: { id: string, name: string, count: number }[], stores: { id: string, name: string, count: number }[] } }

const catalog = async (query: Record<string, string | number>) => {
  const response = await anonymous().get(`/api/catalog?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`)
  expect(response.status, response.text).toBe(200)
  return response.data as Page
}

/** Every page of a query, following nextCursor. */
async function walk(query: Record<string, string | number>) {
  const ids: string[] = []
  const pages: Page[] = []
  let cursor: string | null = null
  do {
    const page: Page = await catalog(cursor ? { ...query, cursor } : query)
    pages.push(page)
    ids.push(...page.items.map(item => item.id))
    cursor = page.nextCursor
  } while (cursor && pages.length < 50)
  return { ids, pages }
}

async function store(name: string, participating = true) {
  const id = (await admin.post('/api/stores', { name, location: 'Faro' })).data.id as string
  if (participating) await admin.put(`/api/stores/${id}/participating`)
  return id
}

async function product(storeId: string, name: string, price: number, extra: { description?: string, categoryId?: string } = {}) {
  const created = await admin.post(`/api/stores/${storeId}/products`, { name, price, stock: 3, ...extra })
  if (created.status !== 201) throw new Error(created.text)
  names[created.data.id] = name
  return created.data.id as string
}

beforeAll(async () => {
  admin = await signedInAdmin()
  shop = await store(`Paging shop ${m}`)
  other = await store(`Other shop ${m}`)
  hidden = await store(`Hidden shop ${m}`, false)
  teaId = (await admin.post('/api/categories', { name: `Tea ${m}` })).data.id
  sweetsId = (await admin.post('/api/categories', { name: `Sweets ${m}` })).data.id
  // Ties on purpose: eight products share a name and four share each price.
  for (let i = 0; i < 8; i++) await product(shop, 'Same name', 5 + (i % 2), { categoryId: teaId })
  for (let i = 0; i < 12; i++) await product(shop, `Item ${String(i).padStart(2, '0')}`, 1 + (i % 3), i % 2 ? { categoryId: sweetsId } : {})
  await product(shop, 'Dark chocolate bar', 3.5, { description: 'Seventy percent cocoa.', categoryId: sweetsId })
  await product(shop, 'Cocoa mug', 9, { description: 'A big mug, for hot chocolate.' })
  await product(shop, 'Crème brûlée', 6, { description: 'Caramelised sugar on vanilla custard.', categoryId: sweetsId })
  await product(other, 'Chocolate truffles', 12, { categoryId: sweetsId })
  await product(other, 'Green tea', 4, { categoryId: teaId })
  await product(hidden, 'Hidden chocolate', 1, { categoryId: sweetsId })
})

describe('GET /api/catalog paging', () => {
  it.each(['name', 'price-asc', 'price-desc'])('walks every product exactly once, in order, sorted by %s', async (sort) => {
    const { ids, pages } = await walk({ store: shop, sort, limit: 4 })
    expect(ids).toHaveLength(23)
    expect(new Set(ids).size).toBe(23)
    expect(pages.every(page => page.total === 23)).toBe(true)
    expect(pages.at(-1)!.nextCursor).toBeNull()
    const items = pages.flatMap(page => page.items)
    const keys = items.map(item => (sort === 'name' ? item.name : item.price))
    const sorted = [...keys].sort((a, b) => (typeof a === 'number' ? (a as number) - (b as number) : 0))
    if (sort === 'price-asc') expect(keys).toEqual(sorted)
    if (sort === 'price-desc') expect(keys).toEqual(sorted.reverse())
  })

  it('gives 12 products a page unless asked for more, and the last page no cursor', async () => {
    const first = await catalog({ store: shop })
    expect(first.items).toHaveLength(12)
    expect(first.nextCursor).not.toBeNull()
    const last = await catalog({ store: shop, cursor: first.nextCursor! })
    expect(last.items).toHaveLength(11)
    expect(last.nextCursor).toBeNull()
    expect((await catalog({ store: shop, limit: 60 })).items).toHaveLength(23)
    expect((await catalog({ store: shop, limit: 1 })).items).toHaveLength(1)
  })

  it('never shows a store that does not take part in shopping', async () => {
    expect((await catalog({ store: hidden })).total).toBe(0)
    const search = await catalog({ q: 'hidden chocolate' })
    expect(search.items.some(item => item.storeId === hidden)).toBe(false)
    expect(search.facets.stores.some(facet => facet.id === hidden)).toBe(false)
  })

  it('answers only the products named by ids, leaving out what is not on sale', async () => {
    const wanted = Object.keys(names).slice(0, 3)
    const hiddenId = Object.entries(names).find(([, name]) => name === 'Hidden chocolate')![0]
    const page = await catalog({ ids: [...wanted, hiddenId, wanted[0]!].join(',') })
    expect(page.items.map(item => item.id).sort()).toEqual([...wanted].sort())
    expect(page.nextCursor).toBeNull()
  })
})

describe('GET /api/catalog search', () => {
  it('finds a product despite a typo', async () => {
    const page = await catalog({ store: shop, q: 'choclate' })
    expect(page.items.map(item => item.name)).toContain('Dark chocolate bar')
  })

  it('ignores accents both ways', async () => {
    expect((await catalog({ store: shop, q: 'creme brulee' })).items.map(item => item.name)).toEqual(['Crème brûlée'])
    expect((await catalog({ store: shop, q: 'crème BRÛLÉE' })).items.map(item => item.name)).toEqual(['Crème brûlée'])
  })

  it('ranks a match in the name above a match in the description', async () => {
    const page = await catalog({ store: shop, q: 'chocolate' })
    expect(page.items.map(item => item.name)).toEqual(['Dark chocolate bar', 'Cocoa mug'])
    expect(page.total).toBe(2)
  })

  it('learns the words of a renamed product, so a typo of its new name finds it', async () => {
    const id = await product(shop, 'Plain thing', 4)
    const word = `quokkaberry${m.replace(/\d/g, 'x')}`
    expect((await catalog({ store: shop, q: word.replace('kk', 'k') })).total).toBe(0)
    await admin.patch(`/api/products/${id}`, { name: `Wild ${word} jam` })
    expect((await catalog({ store: shop, q: word.replace('kk', 'k') })).items.map(item => item.id)).toEqual([id])
    expect((await catalog({ store: shop, q: `${word.slice(0, 7)}` })).items.map(item => item.id)).toEqual([id])
  })

  it('finds a name from its first letters, as a shopper types', async () => {
    expect((await catalog({ store: shop, q: 'choc' })).items.map(item => item.name)).toContain('Dark chocolate bar')
  })

  it('pages through search results by relevance, ties included, each once', async () => {
    const { ids } = await walk({ store: shop, q: 'same name', limit: 3 })
    expect(ids).toHaveLength(8)
    expect(new Set(ids).size).toBe(8)
  })

  it('cuts long descriptions in a list', async () => {
    const id = await product(other, `Long ${m}`, 1, { description: 'word '.repeat(300).trim() })
    const [item] = (await catalog({ ids: id })).items
    expect([...item!.description].length).toBe(200)
    expect(item!.description.endsWith('…')).toBe(true)
    expect((await anonymous().get(`/api/products/${id}`)).data.description).toHaveLength(1499)
  })
})

describe('GET /api/catalog facets', () => {
  const count = (facets: { id: string, count: number }[], id: string) => facets.find(facet => facet.id === id)?.count ?? 0

  it('counts each category under the store filter, and each store under the category filter', async () => {
    const inShop = await catalog({ store: shop })
    expect(count(inShop.facets.categories, teaId)).toBe(8)
    expect(count(inShop.facets.categories, sweetsId)).toBe(8)

    const sweets = await catalog({ category: sweetsId })
    expect(sweets.total).toBe(9)
    expect(count(sweets.facets.stores, shop)).toBe(8)
    expect(count(sweets.facets.stores, other)).toBe(1)
    expect(count(sweets.facets.stores, hidden)).toBe(0)

    const both = await catalog({ category: sweetsId, store: other })
    expect(both.total).toBe(1)
    expect(both.items.map(item => item.name)).toEqual(['Chocolate truffles'])
    // Choosing a category does not hide the others: they count what choosing them instead would show.
    expect(count(both.facets.categories, teaId)).toBe(1)
    expect(count(both.facets.categories, sweetsId)).toBe(1)
    expect(count(both.facets.stores, shop)).toBe(8)
  })

  it('counts under the search text too, and keeps a chosen value that matches nothing', async () => {
    const page = await catalog({ q: `chocolate`, category: teaId, store: shop })
    expect(page.total).toBe(0)
    expect(page.facets.categories.find(facet => facet.id === teaId)).toMatchObject({ name: `Tea ${m}`, count: 0 })
    expect(count(page.facets.categories, sweetsId)).toBe(1)
  })
})

describe('GET /api/catalog from memory', () => {
  it('may be kept by browsers if they ask again: an ETag, and 304 while unchanged', async () => {
    const first = await anonymous().get(`/api/catalog?store=${shop}`)
    expect(first.headers.get('cache-control')).toMatch(/no-cache/)
    expect(first.headers.get('cache-control')).not.toMatch(/no-store/)
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await anonymous().request('GET', `/api/catalog?store=${shop}`, { headers: { 'if-none-match': etag } })).status).toBe(304)
  })

  it('shows a renamed category and a new product at once, though browsing pages are kept', async () => {
    // The change reaches the web as a notification after the write's answer: within moments, not before.
    const shown = async () => (await catalog({ store: other, sort: 'price-desc' })).items
    const greenTea = async () => (await shown()).find(item => item.name === 'Green tea')?.categoryName
    expect(await greenTea()).toBe(`Tea ${m}`)
    await admin.patch(`/api/categories/${teaId}`, { name: `Teas ${m}` })
    await expect.poll(greenTea).toBe(`Teas ${m}`)
    const oolong = await product(other, `Oolong ${m}`, 99, { categoryId: teaId })
    await expect.poll(async () => (await shown())[0]!.name).toBe(`Oolong ${m}`)
    await admin.delete(`/api/products/${oolong}`)
    await expect.poll(async () => (await shown())[0]!.name).not.toBe(`Oolong ${m}`)
    await admin.patch(`/api/categories/${teaId}`, { name: `Tea ${m}` })
    await expect.poll(greenTea).toBe(`Tea ${m}`)
  })
})

describe('GET /api/catalog bad input', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const id = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'
  const cases: [string, string][] = [
    ['a cursor that is not base64 JSON', 'cursor=%%%not-a-cursor'],
    ['a cursor of garbage bytes', `cursor=${Buffer.from([0xFF, 0xFE, 0x00, 0x01]).toString('base64url')}`],
    ['a cursor for another sort', `sort=price-asc&cursor=${forged({ s: 'name', k: 'a', i: id })}`],
    ['a cursor with SQL in its key', `sort=price-asc&cursor=${forged({ s: 'price-asc', k: '1; drop table catalog.products', i: id })}`],
    ['a cursor with a bad id', `cursor=${forged({ s: 'name', k: 'a', i: "' or 1=1 --" })}`],
    ['a cursor with a NUL in its key', `cursor=${forged({ s: 'name', k: 'a\u0000b', i: id })}`],
    ['a cursor with a rank that is not a number', `q=tea&cursor=${forged({ s: 'relevance', k: 'NaN', i: id })}`],
    ['a cursor with extra fields', `cursor=${forged({ s: 'name', k: 'a', i: id, x: 1 })}`],
    ['a cursor of 10,000 characters', `cursor=${'a'.repeat(10_000)}`],
    ['a huge limit', 'limit=1000000'],
    ['a limit of zero', 'limit=0'],
    ['a negative limit', 'limit=-1'],
    ['a limit in scientific notation', 'limit=1e2'],
    ['an unknown sort', 'sort=random'],
    ['a category that is not a UUID', 'category=tea'],
    ['a store that is not a UUID', `store=${encodeURIComponent("1' or '1'='1")}`],
    ['a NUL in the search text', 'q=a%00b'],
    ['a search text of 500 characters', `q=${'a'.repeat(500)}`],
    ['two search texts', 'q=a&q=b'],
    ['ids that are not UUIDs', 'ids=1,2,3'],
    ['101 ids', `ids=${Array.from({ length: 101 }, (_, i) => `9b2f9c1e-5f3a-4c55-9d43-${String(i).padStart(12, '0')}`).join(',')}`],
  ]

  it.each(cases)('refuses %s with 400', async (_, query) => {
    const response = await anonymous().get(`/api/catalog?${query}`)
    expect(response.status).toBe(400)
    expect(response.data).toMatchObject({ statusCode: 400, data: { code: 'VALIDATION' } })
    expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
  })

  it.each([
    ['emoji', '🍫 chocolate'],
    ['a lone surrogate, percent-encoded', '%ED%A0%80'],
    ['combining marks only', '\u0301\u0301\u0301'],
    ['right-to-left text', 'شوكولاتة'],
    ['search operators', '"choc -late" OR -'],
    ['only stop words', 'the and of'],
    ['backslashes and percent signs', '\\%_\\'],
  ])('answers a search of %s without failing', async (_, q) => {
    const response = await anonymous().get(`/api/catalog?store=${shop}&q=${q.startsWith('%') ? q : encodeURIComponent(q)}`)
    expect(response.status).toBe(200)
    expect(Array.isArray(response.data.items)).toBe(true)
  })
})
