import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { Client } from '../../../support/http'
import { randomPhone } from '../../../support/customer'
import { startServer, type RunningServer } from '../../../support/server'

// The demo "sends" a one-time code by writing it to the web's log, so these tests run a web of their
// own (on the shared database) whose log they can read.
let server: RunningServer
let sql: postgres.Sql
const TTL_SECONDS = 300

beforeAll(async () => {
  server = await startServer(inject('databaseUrl'), { PLAZA_ONE_TIME_CODE_TTL_SECONDS: String(TTL_SECONDS) })
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await sql?.end({ timeout: 1 })
})

const client = () => new Client(server.baseUrl)

/** An account from before passwords: no password, so it cannot sign in. */
async function legacyAccount(phone = randomPhone()): Promise<{ id: string, phone: string }> {
  const [row] = await sql<{ id: string }[]>`insert into customers.customers (name, phone) values ('Old timer', ${phone.replace(/ /g, '')}) returning id`
  return { id: row!.id, phone }
}

/**
 * The code the web logged for this customer, the latest one, once at least `count` were logged: the
 * log line may reach the test's pipe after the 202, so a second request must wait for its own line.
 */
async function loggedCode(customerId: string, count = 1): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const lines = server.output().split('\n').filter(line => line.includes(customerId) && line.includes('oneTimeCode'))
    const last = lines.at(-1)
    if (last && lines.length >= count) return JSON.parse(last).oneTimeCode
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`no code logged for ${customerId}`)
}

const codesLoggedFor = (customerId: string) => server.output().split('\n').filter(line => line.includes(customerId) && line.includes('oneTimeCode')).length

async function requestCode(phone: string, customerId?: string) {
  const response = await client().post('/api/auth/password-reset', { phone, ...(customerId ? { customerId } : {}) })
  expect(response.status).toBe(202)
  expect(response.data).toEqual({ sent: true, expiresInSeconds: TTL_SECONDS })
}

const redeem = (phone: string, code: string, password = 'brand-new-password', via = client()) =>
  via.post('/api/auth/password-reset/confirm', { phone, code, password })

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('an account from before passwords', () => {
  it('cannot sign in until it sets a password with a code sent to its phone, which then signs it in', async () => {
    const account = await legacyAccount()
    const before = await client().post('/api/auth/customer', { phone: account.phone, password: 'anything-at-all' })
    expect(before.status).toBe(401)

    await requestCode(account.phone)
    const code = await loggedCode(account.id)
    expect(code).toMatch(/^\d{6}$/)
    const browser = client()
    const redeemed = await redeem(account.phone, code, 'my-first-password', browser)
    expect(redeemed.status).toBe(200)
    expect(redeemed.data).toMatchObject({ id: account.id })
    expect((await browser.get('/api/auth/session')).data.user).toMatchObject({ role: 'customer', customerId: account.id })

    expect((await client().post('/api/auth/customer', { phone: account.phone, password: 'my-first-password' })).status).toBe(200)
    // Single use.
    expect((await redeem(account.phone, code, 'another-password')).status).toBe(401)
  })

  it('sharing a phone with another: a code needs the customer id to say which, and only one of them gets the phone', async () => {
    const phone = randomPhone()
    const first = await legacyAccount(phone)
    const second = await legacyAccount(phone)
    await requestCode(phone)
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(codesLoggedFor(first.id) + codesLoggedFor(second.id)).toBe(0)

    await requestCode(phone, first.id)
    expect((await client().post('/api/auth/password-reset/confirm', { phone, customerId: first.id, code: await loggedCode(first.id), password: 'first-password' })).status).toBe(200)
    await requestCode(phone, second.id)
    const taken = await client().post('/api/auth/password-reset/confirm', { phone, customerId: second.id, code: await loggedCode(second.id), password: 'second-password' })
    expect(taken.status).toBe(409)
  })
})

describe('one-time codes', () => {
  it('answers an unknown phone exactly like a known one, and sends nothing', async () => {
    const before = server.output().length
    await requestCode(randomPhone())
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(server.output().slice(before)).not.toContain('oneTimeCode')
  })

  it('are kept as a digest that expires after the configured time', async () => {
    const account = await legacyAccount()
    await requestCode(account.phone)
    const code = await loggedCode(account.id)
    const [row] = await sql<{ codeHash: string, seconds: number }[]>`
      select code_hash as "codeHash", extract(epoch from expires_at - created_at)::int as seconds
      from customers.one_time_codes where customer_id = ${account.id}`
    expect(row!.codeHash).not.toContain(code)
    expect(row!.seconds).toBe(TTL_SECONDS)
  })

  it('refuse an expired code, even the right one', async () => {
    const account = await legacyAccount()
    await requestCode(account.phone)
    const code = await loggedCode(account.id)
    await sql`update customers.one_time_codes set expires_at = now() - interval '1 second' where customer_id = ${account.id}`
    const late = await redeem(account.phone, code)
    expect(late.status).toBe(401)
    expect(late.data.data.code).toBe('UNAUTHENTICATED')
    expect((await client().post('/api/auth/customer', { phone: account.phone, password: 'brand-new-password' })).status).toBe(401)
  })

  it('are burnt by five wrong tries: the right one is refused after them', async () => {
    const account = await legacyAccount()
    await requestCode(account.phone)
    const code = await loggedCode(account.id)
    for (let attempt = 0; attempt < 5; attempt++) expect((await redeem(account.phone, wrongCode(code))).status).toBe(401)
    expect((await redeem(account.phone, code)).status).toBe(401)
  })

  it('survive a few wrong tries, and a new one replaces the old', async () => {
    const account = await legacyAccount()
    await requestCode(account.phone)
    const old = await loggedCode(account.id)
    expect((await redeem(account.phone, wrongCode(old))).status).toBe(401)
    await requestCode(account.phone)
    const fresh = await loggedCode(account.id, 2)
    if (fresh !== old) expect((await redeem(account.phone, old)).status).toBe(401)
    expect((await redeem(account.phone, fresh)).status).toBe(200)
  })
})

describe('resetting a password', () => {
  it('ends the sessions the account had elsewhere, and only the new password signs in', async () => {
    const phone = randomPhone()
    const elsewhere = client()
    const registered = await elsewhere.post('/api/customers', { name: 'Forgetful', phone, password: 'forgotten-password' })
    expect(registered.status).toBe(201)
    await requestCode(phone)
    expect((await redeem(phone, await loggedCode(registered.data.id), 'remembered-password')).status).toBe(200)
    expect((await elsewhere.get(`/api/customers/${registered.data.id}`)).status).toBe(401)
    expect((await client().post('/api/auth/customer', { phone, password: 'forgotten-password' })).status).toBe(401)
    expect((await client().post('/api/auth/customer', { phone, password: 'remembered-password' })).status).toBe(200)
  })

  it('refuses bad input with 400 and a code for nobody with 401', async () => {
    expect((await client().post('/api/auth/password-reset', { phone: 'call me' })).status).toBe(400)
    expect((await client().post('/api/auth/password-reset/confirm', { phone: randomPhone(), code: '123456', password: 'short' })).status).toBe(400)
    expect((await redeem(randomPhone(), '123456')).status).toBe(401)
  })
})
