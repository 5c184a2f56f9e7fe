import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'

/**
 * Terminates one process's PostgreSQL sessions (by application_name: 'plaza-worker', or 'plaza' for
 * the web) that are inside a transaction or a statement, every 150 ms, and every session of that
 * process (its LISTEN one included) every `allEvery`th round, until stopped; returns how many of
 * each it terminated.
 */
function terminateSessions(databaseUrl: string, applicationName: string, allEvery = 13) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  let stopped = false
  const counts = { midTransaction: 0, all: 0 }
  const running = (async () => {
    for (let round = 1; !stopped; round++) {
      const everything = round % allEvery === 0
      const [{ terminated }] = await sql<[{ terminated: number }]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
        where application_name = ${applicationName} and pid <> pg_backend_pid()
          and (${everything} or xact_start is not null)`
      if (everything) counts.all += terminated
      else counts.midTransaction += terminated
      await new Promise(resolve => setTimeout(resolve, 150))
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await running
      await sql.end({ timeout: 1 })
      return counts
    },
  }
}

describe("the worker's database sessions terminated mid-transaction, again and again", () => {
  const stackOf = useFaultStack('fterm')

  it('retries what was cut off, applies everything once, and the worker keeps running', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    await load.placed(30)
    // Until every order is decided and the stock has settled: placing 300 orders can take under a
    // second, deciding them takes the worker a few more, and those are the seconds that matter.
    const terminator = terminateSessions(stack.database.url, 'plaza-worker')
    let counts, settlement
    try {
      settlement = await expectSettledCorrectly(stack.database.url, shop, await load.done)
    }
    finally {
      counts = await terminator.stop()
    }
    expect(counts.midTransaction).toBeGreaterThanOrEqual(10)
    expect(stack.workers().map(worker => worker.process.exitCode)).toEqual([null])
    report('worker sessions terminated (pg_terminate_backend)', settlement, { 'terminated mid-transaction': counts.midTransaction, 'terminated all sessions': counts.all, total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })
})

describe("the web's database sessions terminated mid-statement, again and again", () => {
  const stackOf = useFaultStack('fwebterm')

  it('answers 503 to what was cut off, never 500; retried orders are placed once, and all settle', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    // Placing orders is the web's work: terminate its sessions while the customers place them. Its
    // statements are short and rarely caught running, so every session goes every third round.
    const terminator = terminateSessions(stack.database.url, 'plaza', 3)
    const load = placeOrders(shop, 300)
    let counts, placed
    try {
      placed = await load.done
    }
    finally {
      counts = await terminator.stop()
    }
    expect(counts.all).toBeGreaterThanOrEqual(10)
    expect(load.retries()).toBeGreaterThan(0)
    // Each order exactly once: a retry under its Idempotency-Key got the first one back, and no
    // attempt whose answer was lost left an order of its own behind.
    expect(new Set(placed.map(order => order.id)).size).toBe(300)
    const sql = postgres(stack.database.url, { max: 1, onnotice: () => {} })
    const [{ orders }] = await sql<[{ orders: number }]>`select count(*)::int as orders from ordering.orders`.finally(() => sql.end({ timeout: 1 }))
    expect(orders).toBe(300)
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    expect(stack.server.output()).not.toMatch(/"status":500/)
    expect((await fetch(`${stack.server.baseUrl}/api/health`)).status).toBe(200)
    report('web sessions terminated (pg_terminate_backend)', settlement, { 'terminated mid-statement': counts.midTransaction, 'terminated all sessions': counts.all, 'requests retried after 503': load.retries(), total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
  })
})
