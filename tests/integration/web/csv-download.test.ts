import http from 'node:http'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { Client } from '../../support/http'
import { startServer, TEST_ADMIN_PASSWORD, type RunningServer } from '../../support/server'

// A web of its own on a database of its own: the log gets 60,000 made-up events (about 20 MB of
// CSV), far more than socket buffers hold, which the shared database's audits would object to.
let database: TestDatabase
let server: RunningServer
let sql: postgres.Sql
let cookie: string

beforeAll(async () => {
  database = await createTestDatabase('exports')
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
  await sql`
    insert into ordering.order_events (order_id, version, type, data, message_id, created_at)
    select gen_random_uuid(), 1, 'OrderPlaced', jsonb_build_object('note', repeat('x', 200)), gen_random_uuid(), now()
    from generate_series(1, 60000)`
  server = await startServer(database.url)
  const admin = new Client(server.baseUrl)
  expect((await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })).status).toBe(200)
  cookie = admin.cookieHeader
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await sql?.end({ timeout: 1 })
  await database?.drop()
})

/** Starts a download and reads nothing of it; `abort` hangs up. */
function stalledDownload(url: string) {
  const request = http.get(url, { headers: { cookie } }, response => response.pause())
  request.on('error', () => {})
  return { abort: () => request.destroy() }
}

const exportSessions = () => sql<{ state: string }[]>`
  select state from pg_stat_activity where datname = current_database() and application_name = 'plaza-export'`

describe('CSV exports and the clients that never finish them', () => {
  it('use two connections of their own at most, and give them back when the clients hang up', async () => {
    const url = `${server.baseUrl}/api/order-events/export.csv`
    const downloads = Array.from({ length: 4 }, () => stalledDownload(url))
    await expect.poll(async () => (await exportSessions()).filter(session => session.state === 'active').length, { timeout: 10_000 }).toBe(2)
    // Meanwhile the web's own connections serve everyone else.
    const page = await fetch(`${server.baseUrl}/api/order-events?pageSize=5`, { headers: { cookie } })
    expect(page.status).toBe(200)

    for (const download of downloads) download.abort()
    // Two were streaming and stop; two were waiting for a connection and must not start once they get one.
    await expect.poll(async () => (await exportSessions()).filter(session => session.state === 'active').length, { timeout: 10_000 }).toBe(0)
    await new Promise(resolve => setTimeout(resolve, 500))
    expect((await exportSessions()).filter(session => session.state === 'active')).toEqual([])

    const whole = await fetch(url, { headers: { cookie } })
    expect(whole.status).toBe(200)
    expect((await whole.text()).trim().split('\n')).toHaveLength(60_001)
  }, 60_000)
})
