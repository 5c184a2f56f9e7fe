import { describe, expect, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../../support/admin'

// Category names are mall-wide and unique, and test files share one database: every name here is marked.
const mark = () => Math.random().toString(36).slice(2, 8)

describe('categories', () => {
  it('creates, lists, renames and deletes a category', async () => {
    const admin = await signedInAdmin()
    const m = mark()
    const created = await admin.post('/api/categories', { name: `  Crème & Tea ${m}  ` })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ name: `Crème & Tea ${m}`, slug: `creme-tea-${m}`, productCount: 0 })
    const id = created.data.id

    const listed = (await anonymous().get('/api/categories')).data as { id: string }[]
    expect(listed.find(category => category.id === id)).toMatchObject({ name: `Crème & Tea ${m}` })

    const renamed = await admin.patch(`/api/categories/${id}`, { name: `Teas ${m}` })
    expect(renamed.status).toBe(200)
    expect(renamed.data).toMatchObject({ id, name: `Teas ${m}`, slug: `teas-${m}` })

    expect((await admin.delete(`/api/categories/${id}`)).status).toBe(204)
    expect((await admin.delete(`/api/categories/${id}`)).status).toBe(404)
    expect((await admin.patch(`/api/categories/${id}`, { name: 'Gone' })).status).toBe(404)
  })

  it('refuses a second category of the same name, whatever its case, with 409', async () => {
    const admin = await signedInAdmin()
    const m = mark()
    const first = await admin.post('/api/categories', { name: `Kitchen ${m}` })
    expect(first.status).toBe(201)
    const again = await admin.post('/api/categories', { name: `KITCHEN ${m}` })
    expect(again.status).toBe(409)
    expect(again.data).toMatchObject({ data: { code: 'CONFLICT', issues: [{ path: 'name' }] } })
    expect(again.data.message).toContain(`KITCHEN ${m}`)

    const other = await admin.post('/api/categories', { name: `Garden ${m}` })
    expect((await admin.patch(`/api/categories/${other.data.id}`, { name: `kitchen ${m}` })).status).toBe(409)
    // Renaming to its own name in another case is not a conflict with itself.
    expect((await admin.patch(`/api/categories/${first.data.id}`, { name: `kitchen ${m}` })).data.slug).toBe(`kitchen-${m}`)
  })

  it('gives names that share a slug the next free one', async () => {
    const admin = await signedInAdmin()
    const m = mark()
    const slugs = []
    for (const name of [`Tea & Coffee ${m}`, `Tea, coffee! ${m}`, `Tea coffee? ${m}`]) slugs.push((await admin.post('/api/categories', { name })).data.slug)
    expect(slugs).toEqual([`tea-coffee-${m}`, `tea-coffee-${m}-2`, `tea-coffee-${m}-3`])
    const symbols = await admin.post('/api/categories', { name: '★ ☆ ✦' })
    expect(symbols.status).toBe(201)
    expect(symbols.data.slug).toMatch(/^category(-\d+)?$/)
    await admin.delete(`/api/categories/${symbols.data.id}`)
  })

  it('puts products in a category, counts them, and lets them go when it is deleted', async () => {
    const admin = await signedInAdmin()
    const { storeId } = await seedStore(admin)
    const category = (await admin.post('/api/categories', { name: `Lamps ${mark()}` })).data
    const created = await admin.post(`/api/stores/${storeId}/products`, { name: 'Desk lamp', stock: 2, price: 30, categoryId: category.id })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ categoryId: category.id, categoryName: category.name })
    const other = await admin.post(`/api/stores/${storeId}/products`, { name: 'Floor lamp', stock: 1, price: 80 })
    expect(other.data).toMatchObject({ categoryId: null, categoryName: null })
    expect((await admin.patch(`/api/products/${other.data.id}`, { categoryId: category.id })).data.categoryName).toBe(category.name)

    const counted = (await anonymous().get('/api/categories')).data.find((row: { id: string }) => row.id === category.id)
    expect(counted.productCount).toBe(2)
    expect((await anonymous().get(`/api/products/${created.data.id}`)).data.categoryName).toBe(category.name)

    const renamed = `Lights ${mark()}`
    await admin.patch(`/api/categories/${category.id}`, { name: renamed })
    expect((await anonymous().get(`/api/stores/${storeId}/products`)).data.map((product: { categoryName: string }) => product.categoryName)).toEqual([renamed, renamed])

    expect((await admin.patch(`/api/products/${other.data.id}`, { categoryId: null })).data.categoryId).toBeNull()
    expect((await admin.patch(`/api/products/${other.data.id}`, { stock: 5 })).data.categoryId).toBeNull()
    await admin.delete(`/api/categories/${category.id}`)
    expect((await anonymous().get(`/api/products/${created.data.id}`)).data).toMatchObject({ categoryId: null, categoryName: null, name: 'Desk lamp' })
  })

  it('refuses a product in a category that does not exist with 422, and writes nothing', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds } = await seedStore(admin, undefined, [{ name: 'Kettle', stock: 1, price: 20 }])
    const unknown = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'
    const created = await admin.post(`/api/stores/${storeId}/products`, { name: 'Ghost', stock: 1, price: 1, categoryId: unknown })
    expect(created.status).toBe(422)
    expect(created.data).toMatchObject({ data: { code: 'UNPROCESSABLE', issues: [{ path: 'categoryId' }] } })
    expect(created.data.message).toMatch(/category does not exist/)
    const patched = await admin.patch(`/api/products/${productIds[0]}`, { categoryId: unknown, stock: 9 })
    expect(patched.status).toBe(422)
    expect((await anonymous().get(`/api/stores/${storeId}/products`)).data).toMatchObject([{ name: 'Kettle', stock: 1, categoryId: null }])
    expect((await admin.post(`/api/stores/${storeId}/products`, { name: 'Bad', stock: 1, price: 1, categoryId: 'tea' })).status).toBe(400)
  })

  it('is the admin\'s to change, and refuses bad names', async () => {
    const admin = await signedInAdmin()
    expect((await anonymous().post('/api/categories', { name: 'Sneaky' })).status).toBe(401)
    const category = (await admin.post('/api/categories', { name: `Guarded ${mark()}` })).data
    expect((await anonymous().patch(`/api/categories/${category.id}`, { name: 'Sneaky' })).status).toBe(401)
    expect((await anonymous().delete(`/api/categories/${category.id}`)).status).toBe(401)
    for (const body of [{ name: '   ' }, { name: 'n'.repeat(61) }, { name: 'a\u0000b' }, { name: 7 }, {}, { name: 'x', slug: 'y' }]) {
      const response = await admin.post('/api/categories', body)
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
    }
    expect((await admin.patch('/api/categories/not-a-uuid', { name: 'x' })).status).toBe(404)
  })
})
