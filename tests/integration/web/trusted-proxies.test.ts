import postgres from 'postgres'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { Client } from '../../support/http'
import { startServer, type RunningServer } from '../../support/server'

// Two webs on one database of their own: one trusts no proxy (the default), one trusts 127.0.0.1,
// where the test's requests come from, as a reverse proxy on the same host would.
let database: TestDatabase
let direct: RunningServer
let proxied: RunningServer
let sql: postgres.Sql

beforeAll(async () => {
  database = await createTestDatabase('proxies')
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
  const limits = { PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: '3' }
  ;[direct, proxied] = await Promise.all([
    startServer(database.url, limits),
    startServer(database.url, { ...limits, PLAZA_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1, ::1' }),
  ])
}, 60_000)

afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()])
  await sql?.end({ timeout: 1 })
  await database?.drop()
})

beforeEach(async () => {
  await sql`delete from platform.rate_limits`
})

const signInKeys = async () => (await sql<{ key: string }[]>`select key from platform.rate_limits where key like 'sign-in-address:%' order by key`).map(row => row.key)

const wrongPassword = (server: RunningServer, headers: Record<string, string>) =>
  new Client(server.baseUrl).request('POST', '/api/auth/admin', { json: { password: 'a-wrong-guess' }, headers })

describe('from an address that is not a trusted proxy', () => {
  it('a spoofed X-Forwarded-For changes nothing: the limit keys on the socket address', async () => {
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 4; attempt++) statuses.push((await wrongPassword(direct, { 'x-forwarded-for': `198.51.100.${attempt}` })).status)
    expect(statuses).toEqual([401, 401, 401, 429])
    expect(await signInKeys()).toEqual(['sign-in-address:127.0.0.1'])
  })

  it('a spoofed X-Forwarded-Host does not get a cross-site write past the CSRF check', async () => {
    const response = await new Client(direct.baseUrl).request('POST', '/api/auth/admin', {
      json: { password: 'x' }, headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    })
    expect(response.status).toBe(403)
    expect(response.data.message).toBe('Cross-site requests are refused')
  })

  it('a spoofed X-Forwarded-Proto gets neither a Secure cookie nor HSTS', async () => {
    const response = await new Client(direct.baseUrl).request('POST', '/api/customers', {
      json: { name: 'Ada', phone: '+351 911 000 001', password: 'proxied-password' }, headers: { 'x-forwarded-proto': 'https' },
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).not.toMatch(/;\s*secure/i)
    expect(response.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('from a trusted proxy', () => {
  it('the client is the right-most address of X-Forwarded-For that is not a proxy', async () => {
    const statuses: number[] = []
    // Each request from another client: none is limited. The left-most entry is the client's own claim.
    for (let attempt = 1; attempt <= 4; attempt++) statuses.push((await wrongPassword(proxied, { 'x-forwarded-for': `6.6.6.6, 203.0.113.${attempt}, 10.1.1.1` })).status)
    expect(statuses).toEqual([401, 401, 401, 401])
    expect(await signInKeys()).toEqual(['sign-in-address:203.0.113.1', 'sign-in-address:203.0.113.2', 'sign-in-address:203.0.113.3', 'sign-in-address:203.0.113.4'])
    // One client behind the proxy is limited, whatever it writes to the left of the proxy's entry.
    const again: number[] = []
    for (let attempt = 1; attempt <= 3; attempt++) again.push((await wrongPassword(proxied, { 'x-forwarded-for': `7.7.7.${attempt}, 203.0.113.1` })).status)
    expect(again).toEqual([401, 401, 429])
  })

  it('X-Forwarded-Host names the host the browser asked for, for the CSRF check', async () => {
    const headers = { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' }
    expect((await new Client(proxied.baseUrl).request('POST', '/api/auth/admin', { json: { password: 'x' }, headers })).status).toBe(401)
    const elsewhere = await new Client(proxied.baseUrl).request('POST', '/api/auth/admin', { json: { password: 'x' }, headers: { ...headers, origin: 'https://evil.example' } })
    expect(elsewhere.status).toBe(403)
  })

  it('X-Forwarded-Proto: https makes the session cookie Secure and sends HSTS', async () => {
    const response = await new Client(proxied.baseUrl).request('POST', '/api/customers', {
      json: { name: 'Ada', phone: '+351 911 000 002', password: 'proxied-password' }, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.50' },
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).toMatch(/;\s*secure/i)
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000')
    const plain = await new Client(proxied.baseUrl).get('/api/stores')
    expect(plain.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('the absolute URLs a product page carries (og:url, JSON-LD)', () => {
  let productId: string
  beforeAll(async () => {
    const [store] = await sql<{ id: string }[]>`insert into catalog.stores (name, location, participating) values ('Proxy Teas', 'Level 1', true) returning id`
    const [product] = await sql<{ id: string }[]>`
      insert into catalog.products (store_id, name, description, stock, price_cents) values (${store!.id}, 'Sencha', 'A green tea.', 5, 450) returning id`
    productId = product!.id
  })

  const ogUrl = async (server: RunningServer, headers: Record<string, string>) => {
    const html = await (await fetch(`${server.baseUrl}/products/${productId}`, { headers })).text()
    return /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1]
  }

  it('use the host and protocol the trusted proxy names', async () => {
    expect(await ogUrl(proxied, { 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' })).toBe(`https://shop.example/products/${productId}`)
  })

  it('ignore forwarded headers from anyone else', async () => {
    const host = new URL(direct.baseUrl).host
    expect(await ogUrl(direct, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })).toBe(`http://${host}/products/${productId}`)
  })
})
