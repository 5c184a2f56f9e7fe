import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../../support/http'
import { TEST_ADMIN_PASSWORD } from '../../support/server'
import { authorize, newCustomer } from '../../support/shopping'
import { startStack, type Stack } from '../../support/stack'

// A stack of its own with the production rate limits (the shared one lifts them for the other tests).
let stack: Stack
beforeAll(async () => {
  stack = await startStack('sec', { PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: '10', PLAZA_ORDERS_PER_MINUTE: '3' })
}, 60_000)
afterAll(() => stack?.stop())

describe('rate limits', () => {
  it('answers 429 with Retry-After after 10 sign-in attempts a minute from one address', async () => {
    const client = new Client(stack.server.baseUrl)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await client.post('/api/auth/admin', { password: 'guess-number-x' })).status)
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401))
    const limited = await client.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
    expect(limited.status).toBe(429)
    expect(limited.data.data.code).toBe('RATE_LIMITED')
    // Whole seconds until the one-minute window frees an attempt.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
  })

  it('answers 429 to a customer placing more orders a minute than allowed', async () => {
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const item = { productId: '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11', quantity: 1 }
    const statuses: number[] = []
    for (let attempt = 0; attempt < 4; attempt++) {
      const paymentId = await authorize(client, customerId, 1)
      statuses.push((await client.post('/api/orders', { customerId, paymentId, items: [item] })).status)
    }
    // The first three are counted (and refused for the unknown product); the fourth is not even looked at.
    expect(statuses).toEqual([422, 422, 422, 429])
  })
})

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from another origin or marked cross-site', async () => {
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const evil = await client.request('POST', '/api/payments', { json: { customerId, amount: 5 }, headers: { origin: 'https://evil.example' } })
    expect(evil.status).toBe(403)
    expect(evil.data.message).toBe('Cross-site requests are refused')
    const crossSite = await client.request('POST', '/api/payments', { json: { customerId, amount: 5 }, headers: { 'sec-fetch-site': 'cross-site' } })
    expect(crossSite.status).toBe(403)
    const sameOrigin = await client.request('POST', '/api/payments', { json: { customerId, amount: 5 }, headers: { origin: stack.server.baseUrl, 'sec-fetch-site': 'same-origin' } })
    expect(sameOrigin.status).toBe(201)
  })
})

describe('security headers', () => {
  it('sends the secure headers on API responses', async () => {
    const response = await new Client(stack.server.baseUrl).get('/api/stores')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('same-origin')
  })

  it('sends a content security policy whose nonce is on every script of the page', async () => {
    const response = await new Client(stack.server.baseUrl).get('/')
    const policy = response.headers.get('content-security-policy')!
    const nonce = policy.match(/'nonce-([^']+)'/)![1]
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    const scripts = [...response.text.matchAll(/<script\b[^>]*>/g)].map(match => match[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
    const again = (await new Client(stack.server.baseUrl).get('/')).headers.get('content-security-policy')
    expect(again).not.toBe(policy)
  })

  it('keeps secrets and stack traces out of error responses', async () => {
    const client = new Client(stack.server.baseUrl)
    const responses = await Promise.all([
      client.request('POST', '/api/stores', { body: '{"name":', headers: { 'content-type': 'application/json' } }),
      client.get('/api/orders/not-a-uuid'),
      client.get('/api/no-such-route'),
    ])
    for (const response of responses) {
      expect(response.text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
      expect(response.text).not.toContain(TEST_ADMIN_PASSWORD)
      expect(response.text).not.toContain('test-session-password')
    }
  })
})
