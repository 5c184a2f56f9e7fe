import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { anonymous, signedInAdmin } from '../../support/admin'
import { randomPhone, registeredCustomer, TEST_CUSTOMER_PASSWORD } from '../../support/customer'
import { Client } from '../../support/http'
import { startServer, type RunningServer } from '../../support/server'
import { customerSessionCookie } from '../../support/sessions'

// Sessions have rows (platform.sessions); the sealed cookie carries the id. A second web process on
// the same database stands for another replica behind a load balancer.
let replica: RunningServer
let sql: postgres.Sql

beforeAll(async () => {
  replica = await startServer(inject('databaseUrl'))
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
}, 60_000)

afterAll(async () => {
  await replica?.stop()
  await sql?.end({ timeout: 1 })
})

/** A client of the other replica that presents the same cookie. */
function onReplica(client: Client): Client {
  const copy = new Client(replica.baseUrl)
  copy.useCookie(client.cookieHeader)
  return copy
}

function copyOf(client: Client): Client {
  const copy = anonymous()
  copy.useCookie(client.cookieHeader)
  return copy
}

async function signIn(phone: string, password = TEST_CUSTOMER_PASSWORD): Promise<Client> {
  const client = anonymous()
  expect((await client.post('/api/auth/customer', { phone, password })).status).toBe(200)
  return client
}

const sessionRows = (customerId: string) => sql<{ id: string, createdAt: Date, lastSeenAt: Date }[]>`
  select id, created_at as "createdAt", last_seen_at as "lastSeenAt" from platform.sessions where customer_id = ${customerId}`

describe('signing out', () => {
  it("deletes the session's row: a saved copy of the cookie is 401 afterwards", async () => {
    const customer = await registeredCustomer()
    const saved = copyOf(customer.client)
    expect((await saved.get(`/api/customers/${customer.id}`)).status).toBe(200)
    expect(await sessionRows(customer.id)).toHaveLength(1)

    expect((await customer.client.delete('/api/auth/session')).status).toBe(200)
    expect(await sessionRows(customer.id)).toHaveLength(0)
    const refused = await saved.get(`/api/customers/${customer.id}`)
    expect(refused.status).toBe(401)
    expect((await saved.get('/api/auth/session')).data.user).toBeNull()
    // The browser is told to drop the dead cookie.
    expect(refused.headers.getSetCookie().join(';')).toMatch(/plaza-session=;|Max-Age=0/)
  })

  it("through nuxt-auth-utils' own route (useUserSession().clear()) ends the row too", async () => {
    const customer = await registeredCustomer()
    const saved = copyOf(customer.client)
    expect((await customer.client.delete('/api/_auth/session')).status).toBe(200)
    expect(await sessionRows(customer.id)).toHaveLength(0)
    expect((await saved.get(`/api/customers/${customer.id}`)).status).toBe(401)
  })

  it("ends the admin's session too, copies included", async () => {
    const admin = await signedInAdmin()
    const saved = copyOf(admin)
    await admin.delete('/api/auth/session')
    expect((await saved.get('/api/customers')).status).toBe(401)
  })

  it('is 401 on another replica as soon as it is done', async () => {
    const customer = await registeredCustomer()
    const there = onReplica(customer.client)
    // The other replica has checked, and keeps, the session.
    for (let attempt = 0; attempt < 3; attempt++) expect((await there.get(`/api/customers/${customer.id}`)).status).toBe(200)
    await customer.client.delete('/api/auth/session')
    // Revocation travels by NOTIFY from the deleting transaction: milliseconds, not a cache's lifetime.
    await expect.poll(async () => (await there.get(`/api/customers/${customer.id}`)).status, { timeout: 1000, interval: 20 }).toBe(401)
  })
})

describe('signing out everywhere', () => {
  it("ends every session of the customer, on every replica, and no one else's", async () => {
    const customer = await registeredCustomer()
    const laptop = await signIn(customer.phone)
    const phoneThere = onReplica(await signIn(customer.phone))
    const someoneElse = await registeredCustomer()
    expect(await sessionRows(customer.id)).toHaveLength(3)

    const ended = await laptop.delete('/api/auth/sessions')
    expect(ended.status).toBe(200)
    expect(ended.data).toEqual({ user: null, ended: 3 })
    for (const client of [laptop, customer.client]) expect((await client.get(`/api/customers/${customer.id}`)).status).toBe(401)
    await expect.poll(async () => (await phoneThere.get(`/api/customers/${customer.id}`)).status, { timeout: 1000, interval: 20 }).toBe(401)
    expect((await someoneElse.client.get(`/api/customers/${someoneElse.id}`)).status).toBe(200)
  })

  it('needs a session: 401 signed out', async () => {
    expect((await anonymous().delete('/api/auth/sessions')).status).toBe(401)
  })
})

describe('session cookies', () => {
  it('that are sealed correctly but name no session row are refused', async () => {
    const customer = await registeredCustomer()
    const forged = anonymous()
    forged.useCookie(await customerSessionCookie(customer.id))
    expect((await forged.get(`/api/customers/${customer.id}`)).status).toBe(401)
    expect((await forged.get('/api/auth/session')).data.user).toBeNull()
  })

  it('end when the same browser signs in as someone else', async () => {
    const admin = await signedInAdmin()
    const adminCookie = copyOf(admin)
    const registered = await admin.post('/api/customers', { name: 'Switcher', phone: randomPhone(), password: 'switch-password' })
    expect(registered.status).toBe(201)
    expect((await admin.get('/api/auth/session')).data.user).toMatchObject({ role: 'customer', customerId: registered.data.id })
    expect((await adminCookie.get('/api/customers')).status).toBe(401)
  })

  it('do not cost a write per request: last_seen_at moves at most once a minute', async () => {
    const customer = await registeredCustomer()
    for (let attempt = 0; attempt < 10; attempt++) expect((await customer.client.get(`/api/customers/${customer.id}`)).status).toBe(200)
    const [row] = await sessionRows(customer.id)
    expect(row!.lastSeenAt.getTime()).toBe(row!.createdAt.getTime())
  })
})

describe('session expiry', () => {
  // A web with short lifetimes: 2 s idle (last seen written every 0.5 s), 5 s in all.
  let short: RunningServer
  beforeAll(async () => {
    short = await startServer(inject('databaseUrl'), { PLAZA_SESSION_IDLE_SECONDS: '2', PLAZA_SESSION_MAX_SECONDS: '5' })
  }, 60_000)
  afterAll(() => short?.stop())

  async function shortSession() {
    const client = new Client(short.baseUrl)
    const registered = await client.post('/api/customers', { name: 'Brief', phone: randomPhone(), password: 'brief-password' })
    expect(registered.status).toBe(201)
    return { client, path: `/api/customers/${registered.data.id}`, id: registered.data.id as string }
  }
  const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

  it('ends a session left idle, and deletes its row', async () => {
    const { client, path, id } = await shortSession()
    expect((await client.get(path)).status).toBe(200)
    await sleep(2500)
    expect((await client.get(path)).status).toBe(401)
    expect(await sessionRows(id)).toHaveLength(0)
  })

  it('keeps a session in use past the idle time, and ends it at the absolute lifetime however busy', async () => {
    const { client, path } = await shortSession()
    const started = Date.now()
    while (Date.now() - started < 4000) {
      expect((await client.get(path)).status).toBe(200)
      await sleep(400)
    }
    while (Date.now() - started < 5200) await sleep(100)
    expect((await client.get(path)).status).toBe(401)
  })
})
