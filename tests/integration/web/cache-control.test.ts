import { describe, expect, inject, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../support/admin'
import { newCustomer } from '../../support/shopping'

describe('Cache-Control', () => {
  it('is no-store on a customer\'s personal answers', async () => {
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    for (const path of [`/api/customers/${customerId}`, `/api/customers/${customerId}/orders`, `/api/customers/${customerId}/payments`, '/api/auth/session', '/account/orders']) {
      const response = await client.get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
    }
  })

  it('is no-store on the admin\'s answers and pages, and on refusals', async () => {
    const admin = await signedInAdmin()
    for (const path of ['/api/orders', '/api/customers', '/api/pipeline', '/api/order-events', '/admin/stores']) {
      const response = await admin.get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await anonymous().get('/api/orders')).headers.get('cache-control')).toBe('no-store')
  })

  it("is no-store on an order's page, whoever asks", async () => {
    const { client } = await newCustomer(inject('baseUrl'))
    const response = await client.get('/orders/00000000-0000-4000-8000-000000000000')
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('leaves the public catalog its own policy: revalidate with an ETag', async () => {
    const response = await anonymous().get('/api/products?participating=true')
    expect(response.headers.get('cache-control')).toBe('public, no-cache')
    expect(response.headers.get('etag')).toBeTruthy()
    expect((await anonymous().get('/shopping')).headers.get('cache-control')).not.toBe('no-store')
  })
})
