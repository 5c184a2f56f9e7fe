import { randomBytes } from 'node:crypto'
import net from 'node:net'
import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'

const SERVER_URL = new URL(process.env.PLAZA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')

/**
 * A TCP proxy in front of the real PostgreSQL that, the first time a client asks for the array
 * types (postgres.js does on every new session, before the caller's first query), has PostgreSQL
 * terminate that session with pg_terminate_backend, as an operator or a failover would. Every later
 * session passes through untouched.
 */
async function proxyThatTerminatesTheTypesQuery() {
  const admin = postgres(SERVER_URL.toString(), { max: 1, onnotice: () => {} })
  let armed = true
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(SERVER_URL.port || 5432), SERVER_URL.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => sockets.delete(socket))
    }
    upstream.on('data', chunk => client.write(chunk))
    upstream.on('close', () => client.end())
    client.on('close', () => upstream.destroy())
    client.on('data', async (chunk) => {
      if (!(armed && chunk.includes('pg_catalog.pg_type'))) return upstream.write(chunk)
      armed = false
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where client_port = ${upstream.localPort!}`
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = new URL(SERVER_URL)
  url.port = String((server.address() as net.AddressInfo).port)
  return {
    url: url.toString(),
    terminated: () => !armed,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
      await admin.end({ timeout: 1 })
    },
  }
}

describe('postgres.js (patched): a session terminated while it fetches the array types', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup()
  })

  it("reconnects and runs the caller's query, with no stale error and no unhandled rejection", async () => {
    const proxy = await proxyThatTerminatesTheTypesQuery()
    cleanups.push(proxy.close)
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    cleanups.push(async () => void process.off('unhandledRejection', onUnhandled))
    const sql = postgres(proxy.url, { max: 1, onnotice: () => {}, backoff: () => 0.05 })
    cleanups.push(() => sql.end({ timeout: 1 }))

    const rows = await sql<{ ids: string[] }[]>`select ${['a', 'b']}::text[] as ids`
    await new Promise(resolve => setTimeout(resolve, 200))

    expect(proxy.terminated()).toBe(true)
    expect(rows[0]!.ids).toEqual(['a', 'b'])
    expect(unhandled).toEqual([])
  })
})

/** Sleeps for up to `ms`: a transaction's callback pausing between statements, where a session is often cut off. */
const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, Math.random() * ms))

describe('postgres.js (patched): sessions terminated mid-transaction, hundreds of times', () => {
  const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
  const schema = `driver_${randomBytes(4).toString('hex')}`
  afterAll(async () => {
    await admin`drop schema if exists ${admin(schema)} cascade`
    await admin.end({ timeout: 1 })
  })

  it('never stalls the pool, and no statement of a cut-off transaction runs outside it', async () => {
    await admin`create schema ${admin(schema)}`
    await admin`create table ${admin(schema)}.counters (id int primary key, n int not null default 0)`
    await admin`create table ${admin(schema)}.increments (id serial primary key, counter int not null)`
    await admin`insert into ${admin(schema)}.counters (id) select generate_series(0, 7)`
    const applicationName = `${schema}_pool`
    const sql = postgres(inject('databaseUrl'), { max: 6, onnotice: () => {}, backoff: () => 0.05, connection: { application_name: applicationName } })
    // Each transaction bumps a counter and logs the increment, pausing between statements: a counter
    // that differs from its log means a statement ran outside its transaction.
    const increment = (counter: number) => sql.begin(async (tx) => {
      await tx`select n from ${tx(schema)}.counters where id = ${counter} for update`
      await pause(3)
      await Promise.all([
        tx`update ${tx(schema)}.counters set n = n + 1 where id = ${counter}`,
        tx`select ${counter}::int as counter`,
      ])
      // Now and then longer than the pool takes to reconnect a terminated session and lend it out again.
      await pause(Math.random() < 0.1 ? 150 : 3)
      await tx`insert into ${tx(schema)}.increments (counter) values (${counter})`
    })
    let stopped = false
    const outcomes = { committed: 0, failed: 0, terminated: 0 }
    const clients = Array.from({ length: 8 }, async (_, counter) => {
      while (!stopped) {
        await increment(counter).then(() => outcomes.committed++, () => outcomes.failed++)
      }
    })
    const terminator = (async () => {
      while (!stopped) {
        const [{ terminated }] = await admin<[{ terminated: number }]>`
          select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
          where application_name = ${applicationName} and xact_start is not null`
        outcomes.terminated += terminated
        await pause(150)
      }
    })()
    await new Promise(resolve => setTimeout(resolve, 8_000))
    stopped = true
    // A stalled pool leaves a client waiting forever: give them 5 s to finish what they were doing.
    const finished = await Promise.race([
      Promise.all([...clients, terminator]).then(() => true),
      new Promise(resolve => setTimeout(resolve, 5_000, false)),
    ])
    try {
      expect(finished).toBe(true)
      const [{ healthy }] = await sql<[{ healthy: number }]>`select 1 as healthy`
      expect(healthy).toBe(1)
    }
    finally {
      await sql.end({ timeout: 1 })
    }
    const [{ mismatched }] = await admin<[{ mismatched: number }]>`
      select count(*)::int as mismatched from ${admin(schema)}.counters c
      where c.n <> (select count(*) from ${admin(schema)}.increments i where i.counter = c.id)`
    expect(outcomes.terminated).toBeGreaterThanOrEqual(10)
    expect(outcomes.committed).toBeGreaterThan(outcomes.failed)
    expect(mismatched).toBe(0)
  }, 30_000)
})
