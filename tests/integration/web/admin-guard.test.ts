import { beforeAll, describe, expect, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../support/admin'
import { registeredCustomer } from '../../support/customer'
import { customerSessionCookie } from '../../support/sessions'

let storeId: string
let productId: string

beforeAll(async () => {
  const seeded = await seedStore(await signedInAdmin(), 'Guarded', [{ name: 'Vase', stock: 2, price: 9 }])
  storeId = seeded.storeId
  productId = seeded.productIds[0]!
})

/** Every admin-only route of the catalog, with a valid body so only the session decides. */
const adminRoutes = (): [string, string, unknown?][] => [
  ['POST', '/api/stores', { name: 'X', location: 'Y' }],
  ['PATCH', `/api/stores/${storeId}`, { name: 'X' }],
  ['DELETE', `/api/stores/${storeId}`],
  ['PUT', `/api/stores/${storeId}/participating`],
  ['DELETE', `/api/stores/${storeId}/participating`],
  ['POST', `/api/stores/${storeId}/products`, { name: 'X', stock: 1, price: 1 }],
  ['PATCH', `/api/products/${productId}`, { stock: 0 }],
  ['DELETE', `/api/products/${productId}`],
  ['POST', '/api/products/delete', { ids: [productId] }],
]

describe('the admin guard', () => {
  it('refuses every admin route without a session (401)', async () => {
    for (const [method, path, json] of adminRoutes()) {
      const response = await anonymous().request(method, path, { json })
      expect({ method, path, status: response.status, code: response.data.data.code })
        .toEqual({ method, path, status: 401, code: 'UNAUTHENTICATED' })
    }
  })

  it('refuses every admin route to a signed-in customer (403)', async () => {
    const { client: customer } = await registeredCustomer()
    expect((await customer.get('/api/auth/session')).data.user.role).toBe('customer')
    for (const [method, path, json] of adminRoutes()) {
      const response = await customer.request(method, path, { json })
      expect({ method, path, status: response.status, code: response.data.data.code })
        .toEqual({ method, path, status: 403, code: 'FORBIDDEN' })
    }
  })

  it('refuses a tampered session cookie as if there were none', async () => {
    const forger = anonymous()
    forger.useCookie(`${await customerSessionCookie()}x`.replace('Fe26.2*', 'Fe26.2*0'))
    expect((await forger.get('/api/auth/session')).data.user).toBeNull()
    expect((await forger.post('/api/stores', { name: 'X', location: 'Y' })).status).toBe(401)
  })

  it('left everything as it was', async () => {
    const products = (await anonymous().get(`/api/stores/${storeId}/products`)).data
    expect(products).toMatchObject([{ id: productId, stock: 2 }])
  })
})

describe('admin sign-in', () => {
  it('refuses a wrong password with 401 and no session', async () => {
    const client = anonymous()
    const response = await client.post('/api/auth/admin', { password: 'not-the-password' })
    expect(response.status).toBe(401)
    expect(response.data.data.code).toBe('UNAUTHENTICATED')
    expect((await client.get('/api/auth/session')).data.user).toBeNull()
  })

  it('signs in, says who you are, signs out, and is refused afterwards', async () => {
    const admin = await signedInAdmin()
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'admin' })
    const cookie = (await admin.request('DELETE', '/api/auth/session')).headers.getSetCookie().join(';')
    expect(cookie).toMatch(/plaza-session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/)
    expect((await admin.get('/api/auth/session')).data.user).toBeNull()
    expect((await admin.post('/api/stores', { name: 'X', location: 'Y' })).status).toBe(401)
  })

  it('sets an HttpOnly, SameSite session cookie, not Secure over plain HTTP', async () => {
    const response = await anonymous().post('/api/auth/admin', { password: 'test-admin-password' })
    const cookie = response.headers.getSetCookie().find(value => value.startsWith('plaza-session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  // Secure behind a trusted proxy that says HTTPS: web/trusted-proxies.test.ts. This stack trusts none.
  it('does not believe X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
    const response = await anonymous().request('POST', '/api/auth/admin', { json: { password: 'test-admin-password' }, headers: { 'x-forwarded-proto': 'https' } })
    const cookie = response.headers.getSetCookie().find(value => value.startsWith('plaza-session='))!
    expect(cookie).not.toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/HttpOnly/i)
  })
})
