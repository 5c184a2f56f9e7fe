import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'

/**
 * Terminates the worker's PostgreSQL sessions (application_name 'plaza-worker') that are inside a
 * transaction, every 150 ms, and every session of the worker (its LISTEN one included) every 2 s,
 * until stopped; returns how many of each it terminated.
 */
function terminateWorkerSessions(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  let stopped = false
  const counts = { midTransaction: 0, all: 0 }
  const running = (async () => {
    for (let round = 1; !stopped; round++) {
      const everything = round % 13 === 0
      const [{ terminated }] = await sql<[{ terminated: number }]>`
        select count(*) filter (where pg_terminate_backend(pid))::int as terminated from pg_stat_activity
        where application_name = 'plaza-worker' and pid <> pg_backend_pid()
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
    const terminator = terminateWorkerSessions(stack.database.url)
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
