import { randomUUID } from 'node:crypto'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { appendToStreams } from '../../server/modules/ordering/adapters/order-streams.pg'
import { newOrder } from '../../server/modules/ordering/commands/place-orders'
import type { OrderLine } from '../../server/modules/ordering/order'
import { closeDb, db } from '../../server/platform/db'
import { ensurePipeline, pipelineNames } from '../../server/platform/jetstream'
import { createTestDatabase } from '../../tests/support/database'
import { NATS_URL } from '../../tests/support/stack'
import type { Scenario } from '../support/context'
import { cpuSeconds } from '../support/stack'
import { pool } from '../support/stats'

const STORES = [randomUUID(), randomUUID()]
const LINES: OrderLine[] = STORES.map((storeId, index) => ({
  productId: randomUUID(),
  storeId,
  storeName: `Bench store ${index + 1}`,
  name: `Bench store ${index + 1} product 1`,
  quantity: index + 1,
  unitPriceCents: 299,
}))

function placed() {
  return {
    type: 'OrderPlaced' as const,
    data: { customerId: randomUUID(), paymentId: randomUUID(), lines: LINES, totalCents: 897, deadlineAt: new Date(Date.now() + 60_000).toISOString() },
  }
}

/** Commits/s and publishes/s over `count` operations at `concurrency`. */
async function rate(count: number, concurrency: number, operation: () => Promise<unknown>) {
  const started = performance.now()
  await pool(count, concurrency, operation)
  return count / ((performance.now() - started) / 1000)
}

/**
 * The ceiling the pipeline is measured against, with nothing else of Plaza running on it: the
 * order-placing write alone, one order per commit, exactly as POST /api/orders writes a lone order
 * (the module's own appendToStreams: OrderPlaced, read model, outbox row, notifications, in one
 * statement) on a fresh database through the app's own pool, at a concurrency equal to the pool
 * size; and raw JetStream publishes with a msgID to a stream made by the app's own ensurePipeline.
 */
export const limit: Scenario = {
  name: 'limit',
  async run({ quick, reps, results, log }) {
    const database = await createTestDatabase('benchlimit')
    // db() builds the pool the web and worker use (same options, max 10) from DATABASE_URL.
    process.env.DATABASE_URL = database.url
    try {
      const sql = db()
      const poolSize = sql.options.max
      const place = () => appendToStreams(sql, [newOrder({ customerId: randomUUID(), paymentId: randomUUID(), items: [] }, LINES, new Date(), 60_000)])
      const commits = quick ? 400 : 3000
      // A discarded run of the same size first, as the pipeline has: V8 and Postgres's caches warm.
      await rate(commits, poolSize, place)
      // The pool's backends (all open after the warm-up): their CPU per commit, to compare with the pipeline's per order.
      const backends = (await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database.name}`).map(row => row.pid)
      const backendCpu = () => backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
      const samples = []
      const cpuPerCommit = []
      for (let rep = 0; rep < reps; rep++) {
        const before = backendCpu()
        samples.push(await rate(commits, poolSize, place))
        cpuPerCommit.push(((backendCpu() - before) * 1000) / commits)
      }
      results.record('limit', `postgres: order-placing commits/s, one order each (concurrency ${poolSize} = pool)`, 'tx/s', samples, `${commits} commits per run`)
      results.record('limit', 'postgres: CPU per order-placing commit', 'ms', cpuPerCommit, 'CPU time of the pool\'s backends')
      log(`limit: postgres ${samples.map(Math.round).join(', ')} tx/s`)
      await closeDb()
    }
    finally {
      await database.drop()
    }

    const nc = await connect({ servers: NATS_URL })
    const names = pipelineNames(`blimit${randomUUID().slice(0, 6)}`)
    try {
      await ensurePipeline(nc, names)
      const js = jetstream(nc)
      const payload = JSON.stringify({ messageId: randomUUID(), orderId: randomUUID(), occurredAt: new Date().toISOString(), causationId: null, type: 'OrderPlaced', ...placed().data })
      const publish = () => js.publish(names.subject('ordering.order-placed'), payload, { msgID: randomUUID() })
      const publishes = quick ? 1000 : 5000
      await rate(publishes, 10, publish)
      for (const concurrency of [10, 500]) {
        const samples = []
        for (let rep = 0; rep < reps; rep++) samples.push(await rate(publishes, concurrency, publish))
        const note = concurrency === 500 ? 'as the relay publishes a batch of 500' : 'same concurrency as the pool'
        results.record('limit', `jetstream: publish with msgID (concurrency ${concurrency})`, 'msg/s', samples, note)
        log(`limit: jetstream at ${concurrency}: ${samples.map(Math.round).join(', ')} msg/s`)
      }
    }
    finally {
      await (await jetstreamManager(nc)).streams.delete(names.stream).catch(() => false)
      await nc.close()
    }
  },
}
