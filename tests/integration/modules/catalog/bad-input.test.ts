import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../../support/http'
import { seedStore, signedInAdmin } from '../../../support/admin'

let admin: Client
let storeId: string
let productId: string

beforeAll(async () => {
  admin = await signedInAdmin()
  const seeded = await seedStore(admin, 'Untouchable', [{ name: 'Original', stock: 5, price: 10 }])
  storeId = seeded.storeId
  productId = seeded.productIds[0]!
})

const product = { name: 'Mug', description: 'Blue', stock: 3, price: 4.5 }
const raw = (body: string, contentType = 'application/json') => ({ body, headers: { 'content-type': contentType } })

type Case = [label: string, method: string, path: () => string, request: { json?: unknown, body?: string, headers?: Record<string, string> }, status: number, code: string]

const cases: Case[] = [
  ['malformed JSON', 'POST', () => '/api/stores', raw('{"name": "x", "location":'), 400, 'INVALID_JSON'],
  ['an empty body', 'POST', () => '/api/stores', raw(''), 400, 'INVALID_JSON'],
  ['a JSON array instead of an object', 'POST', () => '/api/stores', { json: [] }, 400, 'VALIDATION'],
  ['a JSON null body', 'POST', () => '/api/stores', raw('null'), 400, 'VALIDATION'],
  ['form-encoded body', 'POST', () => '/api/stores', raw('name=x&location=y', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['text/plain body', 'POST', () => `/api/stores/${storeId}/products`, raw(JSON.stringify(product), 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['no content type', 'PATCH', () => `/api/products/${productId}`, { body: JSON.stringify({ stock: 1 }) }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a missing field', 'POST', () => '/api/stores', { json: { name: 'Only a name' } }, 400, 'VALIDATION'],
  ['an extra field', 'POST', () => '/api/stores', { json: { name: 'x', location: 'y', participating: true } }, 400, 'VALIDATION'],
  ['a name of spaces only', 'POST', () => '/api/stores', { json: { name: '   ', location: 'y' } }, 400, 'VALIDATION'],
  ['a 10,000-character name', 'POST', () => '/api/stores', { json: { name: 'n'.repeat(10_000), location: 'y' } }, 400, 'VALIDATION'],
  ['a 121-character name', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, name: 'n'.repeat(121) } }, 400, 'VALIDATION'],
  ['a NUL byte in a name', 'POST', () => '/api/stores', { json: { name: 'Nul\u0000Store', location: 'y' } }, 400, 'VALIDATION'],
  ['a NUL byte in a description', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, description: 'a\u0000b' } }, 400, 'VALIDATION'],
  ['a name as a number', 'POST', () => '/api/stores', { json: { name: 42, location: 'y' } }, 400, 'VALIDATION'],
  ['negative stock', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, stock: -1 } }, 400, 'VALIDATION'],
  ['fractional stock', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, stock: 1.5 } }, 400, 'VALIDATION'],
  ['huge stock', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, stock: 1e12 } }, 400, 'VALIDATION'],
  ['stock beyond any float', 'PATCH', () => `/api/products/${productId}`, raw('{"stock": 1e999}'), 400, 'VALIDATION'],
  ['stock as a numeric string', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, stock: '5' } }, 400, 'VALIDATION'],
  ['price "NaN"', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, price: 'NaN' } }, 400, 'VALIDATION'],
  ['price "Infinity"', 'PATCH', () => `/api/products/${productId}`, { json: { price: 'Infinity' } }, 400, 'VALIDATION'],
  ['price with three decimals', 'POST', () => `/api/stores/${storeId}/products`, { json: { ...product, price: 1.005 } }, 400, 'VALIDATION'],
  ['negative price', 'PATCH', () => `/api/products/${productId}`, { json: { price: -0.01 } }, 400, 'VALIDATION'],
  ['huge price', 'PATCH', () => `/api/products/${productId}`, { json: { price: 1e9 } }, 400, 'VALIDATION'],
  ['an empty patch', 'PATCH', () => `/api/stores/${storeId}`, { json: {} }, 400, 'VALIDATION'],
  ['a negative confirmation delay', 'PATCH', () => `/api/stores/${storeId}`, { json: { confirmDelayMs: -5 } }, 400, 'VALIDATION'],
  ['bulk delete with no ids', 'POST', () => '/api/products/delete', { json: { ids: [] } }, 400, 'VALIDATION'],
  ['bulk delete with a malformed id', 'POST', () => '/api/products/delete', { json: { ids: ['not-a-uuid'] } }, 400, 'VALIDATION'],
  ['bulk delete with ids as a string', 'POST', () => '/api/products/delete', { json: { ids: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11' } }, 400, 'VALIDATION'],
  ['participating=maybe', 'GET', () => '/api/stores?participating=maybe', {}, 400, 'VALIDATION'],
  ['a body over 64 KiB', 'POST', () => '/api/stores', raw(JSON.stringify({ name: 'x', location: 'y', pad: 'p'.repeat(70_000) })), 413, 'PAYLOAD_TOO_LARGE'],
  ['an unknown store', 'GET', () => '/api/stores/9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11', {}, 404, 'NOT_FOUND'],
  ['a malformed store id', 'GET', () => '/api/stores/not-a-uuid', {}, 404, 'NOT_FOUND'],
  ['an SQL-ish store id', 'PATCH', () => `/api/stores/${encodeURIComponent("1' or '1'='1")}`, { json: { name: 'x' } }, 404, 'NOT_FOUND'],
  ['an unknown store for a new product', 'POST', () => '/api/stores/9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11/products', { json: product }, 404, 'NOT_FOUND'],
  ['an unknown product', 'PATCH', () => '/api/products/9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11', { json: { stock: 1 } }, 404, 'NOT_FOUND'],
  ['a malformed product id', 'DELETE', () => '/api/products/123', {}, 404, 'NOT_FOUND'],
  ['participation of an unknown store', 'PUT', () => '/api/stores/9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11/participating', {}, 404, 'NOT_FOUND'],
  ['an admin password of the wrong type', 'POST', () => '/api/auth/admin', { json: { password: 12345678 } }, 400, 'VALIDATION'],
]

describe('bad input', () => {
  it.each(cases)('refuses %s', async (_, method, path, request, status, code) => {
    const response = await admin.request(method, path(), request)
    expect(response.status).toBe(status)
    expect(response.data).toMatchObject({ statusCode: status, data: { code } })
    expect(typeof response.data.message).toBe('string')
    expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
  })

  it('wrote nothing while refusing', async () => {
    const products = (await admin.get(`/api/stores/${storeId}/products`)).data
    expect(products).toMatchObject([{ id: productId, name: 'Original', stock: 5, price: 10 }])
    const stores = (await admin.get('/api/stores')).data as { id: string, name: string }[]
    expect(stores.filter(store => store.name === 'Untouchable').map(store => store.id)).toEqual([storeId])
    expect(stores.some(store => store.name.startsWith('Nul') || [...store.name].length > 120)).toBe(false)
  })

  it('says which field is wrong', async () => {
    const response = await admin.post(`/api/stores/${storeId}/products`, { ...product, stock: -1, price: 1.234 })
    expect(response.data.data.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['price', 'stock'])
  })
})
