import postgres from 'postgres'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { Client } from '../../support/http'
import { startServer, type RunningServer } from '../../support/server'
import { randomPhone } from '../../support/customer'

// Two web replicas on one database of their own, trusting 127.0.0.1 as their proxy so a test can play
// clients at many addresses (X-Forwarded-For), as a distributed guesser would.
let database: TestDatabase
let replicas: RunningServer[]
let sql: postgres.Sql

beforeAll(async () => {
  database = await createTestDatabase('limits')
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
  const env = {
    PLAZA_TRUSTED_PROXIES: '127.0.0.1',
    PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: '4',
    PLAZA_SIGNIN_ATTEMPTS_PER_ACCOUNT_PER_HOUR: '3',
    PLAZA_REGISTRATIONS_PER_HOUR: '2',
  }
  replicas = await Promise.all([startServer(database.url, env), startServer(database.url, env)])
}, 60_000)

afterAll(async () => {
  await Promise.all((replicas ?? []).map(replica => replica.stop()))
  await sql?.end({ timeout: 1 })
  await database?.drop()
})

beforeEach(async () => {
  await sql`delete from platform.rate_limits`
})

const from = (address: string) => ({ 'x-forwarded-for': address })

function expectLimited(response: Awaited<ReturnType<Client['request']>>, message: RegExp, atMostSeconds: number) {
  expect(response.status).toBe(429)
  expect(response.data.data.code).toBe('RATE_LIMITED')
  expect(response.data.message).toMatch(message)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(atMostSeconds)
  expect(response.data.message).toContain(`try again in ${retryAfter} s`)
}

describe('limits shared by every replica', () => {
  it('two web replicas share one sign-in limit per address', async () => {
    const [a, b] = replicas.map(replica => new Client(replica.baseUrl))
    const guess = (client: Client) => client.request('POST', '/api/auth/admin', { json: { password: 'a-wrong-guess' }, headers: from('198.51.100.20') })
    const statuses = [(await guess(a!)).status, (await guess(b!)).status, (await guess(a!)).status, (await guess(b!)).status]
    expect(statuses).toEqual([401, 401, 401, 401])
    expectLimited(await guess(a!), /sign-in attempts; try again/, 60)
    expectLimited(await guess(b!), /sign-in attempts; try again/, 60)
  })

  it('limits sign-in per account across addresses and replicas', async () => {
    const attempt = (replica: RunningServer, address: string) => new Client(replica.baseUrl).request('POST', '/api/auth/customer', {
      json: { phone: '+351 900 000 000', password: 'a-wrong-guess' }, headers: from(address),
    })
    const statuses = [(await attempt(replicas[0]!, '203.0.113.1')).status, (await attempt(replicas[1]!, '203.0.113.2')).status, (await attempt(replicas[0]!, '203.0.113.3')).status]
    expect(statuses).toEqual([401, 401, 401])
    expectLimited(await attempt(replicas[1]!, '203.0.113.4'), /sign-in attempts for this account/, 3600)
    // The account's counter is kept under a digest, not the phone the caller sent (written any way it is typed).
    expectLimited(await new Client(replicas[0]!.baseUrl).request('POST', '/api/auth/customer', {
      json: { phone: '+351-900-000-000', password: 'another-guess' }, headers: from('203.0.113.5'),
    }), /sign-in attempts for this account/, 3600)
    const keys = (await sql<{ key: string }[]>`select key from platform.rate_limits where key like 'sign-in-account:%'`).map(row => row.key)
    expect(keys).toHaveLength(1)
    expect(keys[0]).not.toContain('900')
  })

  it('limits registrations per address', async () => {
    const register = (replica: RunningServer, address: string) => new Client(replica.baseUrl).request('POST', '/api/customers', {
      json: { name: 'Ada', phone: randomPhone(), password: 'registration-password' }, headers: from(address),
    })
    expect((await register(replicas[0]!, '198.51.100.30')).status).toBe(201)
    expect((await register(replicas[1]!, '198.51.100.30')).status).toBe(201)
    expectLimited(await register(replicas[0]!, '198.51.100.30'), /registrations from this address/, 3600)
    expect((await register(replicas[1]!, '198.51.100.31')).status).toBe(201)
  })
})
