import { describe, expect, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../../support/admin'

describe('stores', () => {
  it('creates, reads, lists, rebrands and removes a store', async () => {
    const admin = await signedInAdmin()
    const created = await admin.post('/api/stores', { name: '  Corner Shop  ', location: 'Porto' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ name: 'Corner Shop', location: 'Porto', participating: false, confirmDelayMs: null })
    const id = created.data.id

    expect((await anonymous().get(`/api/stores/${id}`)).data.name).toBe('Corner Shop')
    expect((await anonymous().get('/api/stores')).data.map((store: { id: string }) => store.id)).toContain(id)

    const rebranded = await admin.patch(`/api/stores/${id}`, { name: 'Corner Shop Deluxe', location: 'Braga', confirmDelayMs: 2500 })
    expect(rebranded.status).toBe(200)
    expect(rebranded.data).toMatchObject({ name: 'Corner Shop Deluxe', location: 'Braga', confirmDelayMs: 2500 })
    expect((await admin.patch(`/api/stores/${id}`, { confirmDelayMs: null })).data.confirmDelayMs).toBeNull()

    expect((await admin.delete(`/api/stores/${id}`)).status).toBe(204)
    expect((await anonymous().get(`/api/stores/${id}`)).status).toBe(404)
    expect((await admin.delete(`/api/stores/${id}`)).status).toBe(404)
  })

  it('toggles participation, and filters the store list by it', async () => {
    const admin = await signedInAdmin()
    const { storeId } = await seedStore(admin)
    const participatingIds = async () =>
      (await anonymous().get('/api/stores?participating=true')).data.map((store: { id: string }) => store.id)

    expect(await participatingIds()).not.toContain(storeId)
    expect((await admin.put(`/api/stores/${storeId}/participating`)).data.participating).toBe(true)
    expect((await admin.put(`/api/stores/${storeId}/participating`)).data.participating).toBe(true)
    expect(await participatingIds()).toContain(storeId)
    expect((await admin.delete(`/api/stores/${storeId}/participating`)).data.participating).toBe(false)
    expect(await participatingIds()).not.toContain(storeId)
  })

  it('removing a store removes its products', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds } = await seedStore(admin, 'Doomed', [{ name: 'Lamp', stock: 3, price: 12.5 }])
    await admin.delete(`/api/stores/${storeId}`)
    expect((await anonymous().get(`/api/products/${productIds[0]}`)).status).toBe(404)
    expect((await anonymous().get(`/api/stores/${storeId}/products`)).status).toBe(404)
  })
})

describe('products', () => {
  it('adds, reads, edits and deletes a product, with the price in euros', async () => {
    const admin = await signedInAdmin()
    const { storeId } = await seedStore(admin)
    const created = await admin.post(`/api/stores/${storeId}/products`, { name: 'Teapot', description: 'Cast iron', stock: 7, price: 19.99 })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ storeId, name: 'Teapot', description: 'Cast iron', stock: 7, price: 19.99 })
    const id = created.data.id

    expect((await anonymous().get(`/api/products/${id}`)).data.price).toBe(19.99)
    expect((await anonymous().get(`/api/stores/${storeId}/products`)).data).toMatchObject([{ id, name: 'Teapot', stock: 7, price: 19.99 }])

    const edited = await admin.patch(`/api/products/${id}`, { stock: 0, price: 0.1 })
    expect(edited.data).toMatchObject({ name: 'Teapot', stock: 0, price: 0.1 })

    expect((await admin.delete(`/api/products/${id}`)).status).toBe(204)
    expect((await anonymous().get(`/api/products/${id}`)).status).toBe(404)
    expect((await admin.delete(`/api/products/${id}`)).status).toBe(404)
  })

  it('defaults the description to empty and keeps a price of 0', async () => {
    const admin = await signedInAdmin()
    const { storeId } = await seedStore(admin)
    const created = await admin.post(`/api/stores/${storeId}/products`, { name: 'Free sample', stock: 1, price: 0 })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ description: '', price: 0 })
  })

  it('bulk-deletes the ids that exist and reports them', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds } = await seedStore(admin, 'Bulk', [
      { name: 'A', stock: 1, price: 1 },
      { name: 'B', stock: 1, price: 1 },
      { name: 'C', stock: 1, price: 1 },
    ])
    const unknown = '00000000-0000-4000-8000-00000000abcd'
    const result = await admin.post('/api/products/delete', { ids: [productIds[0], productIds[1], productIds[1], unknown] })
    expect(result.status).toBe(200)
    expect(result.data.deleted.sort()).toEqual([productIds[0], productIds[1]].sort())
    const left = (await anonymous().get(`/api/stores/${storeId}/products`)).data
    expect(left.map((product: { id: string }) => product.id)).toEqual([productIds[2]])
  })

  it('lists the catalog with store name and location, filtered by participation and search text', async () => {
    const admin = await signedInAdmin()
    const marker = `zq${Math.random().toString(36).slice(2, 8)}`
    const open = await seedStore(admin, `Open ${marker}`, [{ name: `Kettle ${marker}`, stock: 2, price: 30 }])
    const closed = await seedStore(admin, `Closed ${marker}`, [{ name: `Toaster ${marker}`, stock: 2, price: 25 }])
    await admin.put(`/api/stores/${open.storeId}/participating`)

    const all = (await anonymous().get(`/api/products?q=${marker}`)).data
    expect(all.map((entry: { name: string }) => entry.name).sort()).toEqual([`Kettle ${marker}`, `Toaster ${marker}`])
    expect(all.map((entry: { id: string }) => entry.id).sort()).toEqual([...open.productIds, ...closed.productIds].sort())

    const shopping = (await anonymous().get(`/api/products?participating=true&q=${marker}`)).data
    expect(shopping).toMatchObject([{ id: open.productIds[0], name: `Kettle ${marker}`, storeName: `Open ${marker}`, storeLocation: 'Lisbon', storeParticipating: true, price: 30 }])
  })

  it('treats LIKE wildcards in the search text literally', async () => {
    const admin = await signedInAdmin()
    const marker = `w${Math.random().toString(36).slice(2, 8)}`
    await seedStore(admin, `Wild ${marker}`, [{ name: `100% ${marker}`, stock: 1, price: 1 }, { name: `1000 ${marker}`, stock: 1, price: 1 }])
    const found = (await anonymous().get(`/api/products?q=${encodeURIComponent(`0% ${marker}`)}`)).data
    expect(found.map((entry: { name: string }) => entry.name)).toEqual([`100% ${marker}`])
  })
})

describe('stored verbatim', () => {
  it.each([
    ['an SQL injection attempt', "Robert'); DROP TABLE catalog.stores;--"],
    ['a script tag', '<script>alert("plaza")</script>'],
    ['emoji and combining marks', 'Café 🍵 Ñandú'],
    ['right-to-left text', 'متجر القهوة'],
  ])('keeps %s as a name', async (_, name) => {
    const admin = await signedInAdmin()
    const created = await admin.post('/api/stores', { name, location: name })
    expect(created.status).toBe(201)
    const read = await anonymous().get(`/api/stores/${created.data.id}`)
    expect(read.data).toMatchObject({ name, location: name })
  })

  it('accepts a 120-character name counted in characters, not bytes', async () => {
    const admin = await signedInAdmin()
    const created = await admin.post('/api/stores', { name: '🍵'.repeat(120), location: 'x' })
    expect(created.status).toBe(201)
  })
})
