import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { Client } from '../../support/http'
import { startServer, TEST_ADMIN_PASSWORD, type RunningServer } from '../../support/server'

// Signing the admin out everywhere and changing the admin password would pull the rug from under
// every other test file, so these run on a web and a database of their own.
let database: TestDatabase
let server: RunningServer
let sql: postgres.Sql

beforeAll(async () => {
  database = await createTestDatabase('admin')
  server = await startServer(database.url)
  sql = postgres(database.url, { max: 1, onnotice: () => {} })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await sql?.end({ timeout: 1 })
  await database?.drop()
})

async function admin(password = TEST_ADMIN_PASSWORD): Promise<Client> {
  const client = new Client(server.baseUrl)
  expect((await client.post('/api/auth/admin', { password })).status).toBe(200)
  return client
}

const signInStatus = async (password: string) => (await new Client(server.baseUrl).post('/api/auth/admin', { password })).status

describe('the admin', () => {
  it('signs out everywhere: every admin session ends', async () => {
    const here = await admin()
    const there = await admin()
    const ended = await here.delete('/api/auth/sessions')
    expect(ended.data).toEqual({ user: null, ended: 2 })
    for (const client of [here, there]) expect((await client.get('/api/customers')).status).toBe(401)
  })

  it('changes the password with the current one: other admin sessions end, and only the new one signs in, over PLAZA_ADMIN_PASSWORD', async () => {
    const here = await admin()
    const there = await admin()
    const wrong = await here.put('/api/auth/admin/password', { currentPassword: 'not-the-password', newPassword: 'a-new-admin-password' })
    expect(wrong.status).toBe(400)
    expect(wrong.data.data.issues[0].path).toBe('currentPassword')
    expect((await there.get('/api/customers')).status).toBe(200)

    const changed = await here.put('/api/auth/admin/password', { currentPassword: TEST_ADMIN_PASSWORD, newPassword: 'a-new-admin-password' })
    expect(changed.status).toBe(200)
    expect((await here.get('/api/customers')).status).toBe(200)
    expect((await there.get('/api/customers')).status).toBe(401)
    expect(await signInStatus(TEST_ADMIN_PASSWORD)).toBe(401)
    expect(await signInStatus('a-new-admin-password')).toBe(200)

    const [stored] = await sql<{ value: string }[]>`select value from platform.settings where key = 'admin_password_set_hash'`
    expect(stored!.value).toMatch(/^scrypt\$/)
    expect(stored!.value).not.toContain('a-new-admin-password')
  })

  it('password change is for the admin only, and refuses a short new password', async () => {
    expect((await new Client(server.baseUrl).put('/api/auth/admin/password', { currentPassword: 'x', newPassword: 'long-enough-1' })).status).toBe(401)
    const here = await admin('a-new-admin-password')
    expect((await here.put('/api/auth/admin/password', { currentPassword: 'a-new-admin-password', newPassword: 'short' })).status).toBe(400)
  })
})
