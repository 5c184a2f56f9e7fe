import { violatedInvariants } from '../../tests/support/audit'
import type { BenchContext, Scenario } from '../support/context'
import { basket, closeShop, openShop, prepareOrders, shopCpuMeter, submit, waitUntilDecided, waitUntilIdle, type Shop } from '../support/shop'
import { pool, sleep } from '../support/stats'

const WORKER_COUNTS = [1, 2, 3]
const CONCURRENCY = 50

/** What one run with `workers` worker processes did: its rate, who did the work, and whether anything was done twice. */
interface Run {
  workers: number
  ordersPerSecond: number
  notAccepted: number
  /** Share of the messages each worker handled (inbox rows it wrote), in %, largest first. */
  handledShares: number[]
  /** Share of the outbox rows each worker's relay published, in %, largest first. */
  publishedShares: number[]
  /** Rows per consumer and worker, for the log. */
  byConsumer: Record<string, Record<string, number>>
  /** Order events or outbox messages that repeat one already recorded for the same order (and store): expected 0. */
  duplicates: number
  /** Order events caused by a message JetStream delivered more than once (the inbox made each repeat a no-op). */
  redelivered: number
  /** Transactions of the stack's database rolled back, per order: mostly ordering batches that met a concurrent append (VersionConflict) and ran again. */
  rollbacksPerOrder: number
  /** CPU milliseconds per order, all workers together, and the stack's Postgres backends. */
  workerCpuMs: number
  postgresCpuMs: number
}

const shares = (counts: number[]) => {
  const total = counts.reduce((sum, count) => sum + count, 0)
  return counts.map(count => (count * 100) / total).sort((a, b) => b - a)
}

/**
 * Who did the work since `since` (Postgres clock): the inbox records the worker that handled each
 * message for each consumer, the outbox the worker whose relay published it.
 */
async function workDone(shop: Shop, since: Date) {
  // Every running worker counts, so one that did nothing shows as 0 %.
  const running = () => new Map(shop.stack.workers.map(worker => [worker.id, 0]))
  const handled = await shop.sql<{ worker: string, consumer: string, messages: number }[]>`
    select coalesce(handled_by, '?') as worker, consumer, count(*)::int as messages
    from platform.inbox where processed_at >= ${since} group by 1, 2`
  const published = await shop.sql<{ worker: string, messages: number }[]>`
    select coalesce(published_by, '?') as worker, count(*)::int as messages
    from platform.outbox where published_at >= ${since} group by 1`
  const perWorker = running()
  const perRelay = running()
  for (const row of published) perRelay.set(row.worker, (perRelay.get(row.worker) ?? 0) + row.messages)
  const byConsumer: Record<string, Record<string, number>> = {}
  for (const row of handled) {
    perWorker.set(row.worker, (perWorker.get(row.worker) ?? 0) + row.messages)
    const consumer = byConsumer[row.consumer] ??= {}
    consumer[row.worker] = row.messages
  }
  return { handledShares: shares([...perWorker.values()]), publishedShares: shares([...perRelay.values()]), byConsumer }
}

/**
 * Work done twice would leave a second copy of a one-shot event (per store for store results) or a
 * second result message for the same order and store. Also counts events whose cause was redelivered.
 */
async function repeats(shop: Shop, ids: string[]) {
  const [events] = await shop.sql<[{ duplicates: number, redelivered: number }]>`
    select (count(*) - count(distinct (order_id, type, coalesce(data->>'storeId', ''))))::int as duplicates,
           count(*) filter (where delivery_attempt > 1)::int as redelivered
    from ordering.order_events where order_id = any(${ids}::uuid[])`
  const [results] = await shop.sql<[{ duplicates: number }]>`
    select (count(*) - count(distinct (subject, payload->>'orderId', coalesce(payload->>'storeId', ''))))::int as duplicates
    from platform.outbox where payload->>'orderId' = any(${ids}::text[])`
  return { duplicates: events.duplicates + results.duplicates, redelivered: events.redelivered }
}

/** Transactions rolled back in the stack's database so far (Postgres flushes these counters about once a second). */
async function rollbacks(shop: Shop): Promise<number> {
  const [row] = await shop.sql<[{ rollbacks: number }]>`
    select xact_rollback::int as rollbacks from pg_stat_database where datname = current_database()`
  return row.rollbacks
}

/** `count` orders from `CONCURRENCY` clients at a time (closed loop), with the workers the stack has now. */
async function measure(shop: Shop, count: number): Promise<Run> {
  await waitUntilIdle(shop)
  const orders = await prepareOrders(shop, count, index => basket(shop.catalog, index))
  await sleep(1100)
  const [{ now: since }] = await shop.sql<[{ now: Date }]>`select now()`
  const rolledBackBefore = await rollbacks(shop)
  const cpu = await shopCpuMeter(shop)
  const started = Date.now()
  const submitted = await pool(orders.length, CONCURRENCY, index => submit(shop.stack.baseUrl, orders[index]!))
  const ids = submitted.map(order => order.id)
  const outcomes = await waitUntilDecided(shop, ids, 120_000)
  const finished = Math.max(...outcomes.map(outcome => outcome.updatedAt.getTime()))
  // The relay publishes OrderAccepted after the order is decided: let the pipeline go idle before counting.
  await waitUntilIdle(shop)
  const used = cpu()
  await sleep(1100)
  return {
    rollbacksPerOrder: (await rollbacks(shop) - rolledBackBefore) / outcomes.length,
    workerCpuMs: (used.workersS * 1000) / outcomes.length,
    postgresCpuMs: (used.postgresS * 1000) / outcomes.length,
    workers: shop.stack.workers.length,
    ordersPerSecond: outcomes.length / ((finished - started) / 1000),
    notAccepted: outcomes.filter(outcome => outcome.status !== 'accepted').length,
    ...(await workDone(shop, since)),
    ...(await repeats(shop, ids)),
  }
}

/** Starts or stops workers until the stack has `count`. */
async function scaleTo(shop: Shop, count: number) {
  const { stack } = shop
  while (stack.workers.length > count) await stack.removeWorker(stack.workers.at(-1)!)
  while (stack.workers.length < count) await stack.addWorker()
}

const percentages = (values: number[]) => values.map(value => value.toFixed(0)).join(' / ')

function record({ results, log }: BenchContext, runs: Run[], count: number) {
  for (const workers of WORKER_COUNTS) {
    const list = runs.filter(run => run.workers === workers)
    const label = `${workers} worker${workers > 1 ? 's' : ''}`
    results.record('scaleout', `${label}: orders/s submitted → decided`, 'orders/s', list.map(run => run.ordersPerSecond), `${count} orders per run, ${CONCURRENCY} clients, zero delays`)
    if (workers > 1) {
      const last = list.at(-1)!
      results.record('scaleout', `${label}: smallest share of messages handled`, '%', list.map(run => run.handledShares.at(-1)!), `per worker, last run: ${percentages(last.handledShares)} % (even: ${(100 / workers).toFixed(0)} %)`)
      results.record('scaleout', `${label}: smallest share of outbox published`, '%', list.map(run => run.publishedShares.at(-1) ?? 0), `per relay, last run: ${percentages(last.publishedShares)} %`)
    }
    const cpu = list.at(-1)!
    results.record('scaleout', `${label}: CPU per order, workers + Postgres`, 'ms', list.map(run => run.workerCpuMs + run.postgresCpuMs), `CPU time; last run: workers ${cpu.workerCpuMs.toFixed(1)} ms, Postgres ${cpu.postgresCpuMs.toFixed(1)} ms`)
    results.record('scaleout', `${label}: transactions rolled back per order`, 'tx', list.map(run => run.rollbacksPerOrder), 'expected 0: batches of different workers wait for each other\'s locks, never collide and run again')
    results.record('scaleout', `${label}: work done twice`, 'events', list.map(run => run.duplicates), `expected 0; events caused by a redelivery (absorbed by the inbox): ${list.map(run => run.redelivered).join(' / ')}`)
    const notAccepted = list.reduce((sum, run) => sum + run.notAccepted, 0)
    if (notAccepted > 0) results.record('scaleout', `${label}: orders not accepted`, 'orders', list.map(run => run.notAccepted), 'expected 0')
  }
  for (const run of runs) {
    const consumers = Object.entries(run.byConsumer).map(([consumer, byWorker]) => `${consumer} ${Object.entries(byWorker).sort().map(([worker, messages]) => `${worker}=${messages}`).join(' ')}`)
    log(`scaleout ${run.workers} worker(s): ${run.ordersPerSecond.toFixed(1)} orders/s; CPU per order: workers ${run.workerCpuMs.toFixed(1)} ms, Postgres ${run.postgresCpuMs.toFixed(1)} ms; rollbacks per order ${run.rollbacksPerOrder.toFixed(2)}; handled ${percentages(run.handledShares)} %, published ${percentages(run.publishedShares)} %; ${consumers.join('; ')}; work done twice ${run.duplicates}`)
  }
}

/**
 * Several workers on one database and one NATS prefix: they bind to the same durable consumers, so
 * JetStream hands each message to one of them, and their relays share the outbox (skip locked). The
 * same number of orders runs with 1, 2 and 3 workers (workers are added to, and removed from, one
 * stack); each run reports its rate, each worker's share of the messages handled and published, and
 * any work done twice. The audit of the whole database closes the scenario.
 */
export const scaleout: Scenario = {
  name: 'scaleout',
  async run(context) {
    const { quick, reps, results, log } = context
    const count = quick ? 150 : 400
    // No worker metrics server: three workers on one host would contend for its port.
    const stack = await context.startStack('scaleout', { env: { PAYMENT_CONFIRM_DELAY_MS: '0', STORE_CONFIRM_DELAY_MS: '0', ORDER_CONFIRM_DEADLINE_MS: '60000', PLAZA_WORKER_METRICS_PORT: '0' } })
    try {
      const shop = await openShop(stack, { stores: 3, perStore: 10 })
      try {
        const runs: Run[] = []
        for (let rep = 0; rep < reps; rep++) {
          for (const workers of WORKER_COUNTS) {
            await scaleTo(shop, workers)
            // Warm-up, not recorded: a new worker opens its database connections (which the CPU meter then finds) and compiles its hot code.
            await measure(shop, 50)
            const run = await measure(shop, count)
            runs.push(run)
            log(`scaleout ${workers} worker(s): ${run.ordersPerSecond.toFixed(1)} orders/s`)
          }
        }
        record(context, runs, count)
        const violated = await violatedInvariants(stack.database.url)
        results.record('scaleout', 'audit: invariants violated after all runs', 'invariants', [violated.length], violated.length ? violated.map(result => result.name).join('; ') : 'expected 0 (npm run audit\'s checks)')
      }
      finally {
        await closeShop(shop)
      }
    }
    finally {
      await stack.stop()
    }
  },
}
