import type { Scenario } from '../support/context'
import { basket, prepareOrders, shopCpuMeter, submit, waitUntilDecided, type Outcome, type PreparedOrder, type Shop } from '../support/shop'
import type { CpuUse } from '../support/stack'
import { percentile, pool, sleep } from '../support/stats'

interface Run {
  ordersPerSecond: number
  /** Server side: the accepted state's updatedAt minus placedAt (both Postgres now() of their transactions). */
  acceptedMs: number[]
  /** Client side: how long POST /api/orders took. */
  submitMs: number[]
  notAccepted: number
  /** CPU milliseconds per order, from the first submission until the last order was decided. */
  cpuMs: Record<'web' | 'worker' | 'postgres' | 'postgresWorkers' | 'broker' | 'bench' | 'machine', number>
  stages: Record<string, number>
  /** Transactions per order, by stage (see `passes`). */
  passes: Record<string, number>
}

function summarize(started: number, outcomes: Outcome[], submitMs: number[], cpu: CpuUse, { stages, passes }: Trail): Run {
  const finished = Math.max(...outcomes.map(outcome => outcome.updatedAt.getTime()))
  const accepted = outcomes.filter(outcome => outcome.status === 'accepted')
  const perOrder = (seconds: number) => (seconds * 1000) / outcomes.length
  return {
    ordersPerSecond: outcomes.length / ((finished - started) / 1000),
    acceptedMs: accepted.map(outcome => outcome.updatedAt.getTime() - outcome.placedAt.getTime()),
    submitMs,
    notAccepted: outcomes.length - accepted.length,
    cpuMs: {
      web: perOrder(cpu.webS),
      worker: perOrder(cpu.workersS),
      postgres: perOrder(cpu.postgresS),
      postgresWorkers: perOrder(cpu.postgresWorkersS),
      broker: perOrder(cpu.brokerS),
      bench: perOrder(cpu.benchS),
      machine: perOrder(cpu.machineS),
    },
    stages,
    passes,
  }
}

/** Closed loop: `concurrency` clients each submit their next order as soon as the last one returns. */
async function closedLoop(shop: Shop, orders: PreparedOrder[], concurrency: number): Promise<Run> {
  const cpu = await shopCpuMeter(shop)
  const started = Date.now()
  const submitted = await pool(orders.length, concurrency, index => submit(shop.stack.baseUrl, orders[index]!))
  const outcomes = await waitUntilDecided(shop, submitted.map(order => order.id), 120_000)
  const used = cpu()
  return summarize(started, outcomes, submitted.map(order => order.ms), used, await trail(shop, outcomes.map(outcome => outcome.id)))
}

/** Open loop: orders arrive at a fixed rate whatever the server does, as independent customers would. */
async function openLoop(shop: Shop, orders: PreparedOrder[], perSecond: number): Promise<Run> {
  const cpu = await shopCpuMeter(shop)
  const started = Date.now()
  const inFlight = []
  for (let index = 0; index < orders.length; index++) {
    const due = started + (index * 1000) / perSecond
    if (due > Date.now()) await sleep(due - Date.now())
    const submission = submit(shop.stack.baseUrl, orders[index]!)
    // Handled by the Promise.all below; until then a failure must not end the process unhandled,
    // which skipped the clean-up and left the stack's web and worker running.
    submission.catch(() => {})
    inFlight.push(submission)
  }
  const submitted = await Promise.all(inFlight)
  const outcomes = await waitUntilDecided(shop, submitted.map(order => order.id), 120_000)
  const used = cpu()
  return summarize(started, outcomes, submitted.map(order => order.ms), used, await trail(shop, outcomes.map(outcome => outcome.id)))
}

/**
 * Where an order's time goes, from the rows the pipeline leaves behind: OrderPlaced published (by the
 * web right after its commit, stamped when JetStream acked it; by the relay, its pass's clock), the
 * payments and catalog consumers writing their results, those published (by the worker after its
 * commits), and the ordering consumer recording the last one (which accepts the order).
 * Medians over the orders, in ms.
 */
async function stages(shop: Shop, ids: string[]): Promise<Record<string, number>> {
  const [row] = await shop.sql<[Record<string, number>]>`
    with results as (
      select payload->>'orderId' as order_id, max(created_at) as written, max(published_at) as published
      from platform.outbox
      where subject not like 'ordering.%' and payload->>'orderId' = any(${ids}::text[])
      group by 1
    ), per_order as (
      select placed.created_at as placed_at, outbox.published_at as placed_published, results.written as results_written,
             results.published as results_published, accepted.created_at as accepted_at
      from ordering.order_events placed
      join platform.outbox on outbox.id = placed.message_id
      join results on results.order_id = placed.order_id::text
      join ordering.order_events accepted on accepted.order_id = placed.order_id and accepted.type = 'OrderAccepted'
      where placed.type = 'OrderPlaced' and placed.order_id = any(${ids}::uuid[])
    )
    select
      percentile_cont(0.5) within group (order by extract(epoch from placed_published - placed_at) * 1000) as relay_placed,
      percentile_cont(0.5) within group (order by extract(epoch from results_written - placed_published) * 1000) as payments_and_catalog,
      percentile_cont(0.5) within group (order by extract(epoch from results_published - results_written) * 1000) as relay_results,
      percentile_cont(0.5) within group (order by extract(epoch from accepted_at - results_published) * 1000) as ordering
    from per_order`
  return row
}

/**
 * How many transactions the orders took, per order and stage, from the clocks the rows keep: each
 * transaction stamps its rows with its own now(). Placing: distinct OrderPlaced times (group commits);
 * publishing: distinct published_at of the orders' outbox rows (a writer's publish batch, one per
 * commit, or a relay pass; the marks themselves are fewer); each consumer: distinct inbox
 * processed_at (batches). Where a low load's CPU goes: these grow as batches shrink.
 */
async function passes(shop: Shop, ids: string[]): Promise<Record<string, number>> {
  const [row] = await shop.sql<[Record<string, number>]>`
    with messages as (
      select id, published_at from platform.outbox where payload->>'orderId' = any(${ids}::text[])
    ), batches as (
      select inbox.consumer, count(distinct inbox.processed_at)::float as count
      from platform.inbox join messages on messages.id = inbox.message_id
      group by inbox.consumer
    )
    select
      (select count(distinct created_at)::float from ordering.order_events where type = 'OrderPlaced' and order_id = any(${ids}::uuid[])) as placing,
      (select count(distinct published_at)::float from messages) as relay,
      (select count from batches where consumer = 'payments') as payments,
      (select count from batches where consumer = 'catalog') as catalog,
      (select count from batches where consumer = 'ordering') as ordering`
  return Object.fromEntries(Object.entries(row).map(([stage, count]) => [stage, (count ?? 0) / ids.length]))
}

interface Trail {
  stages: Record<string, number>
  passes: Record<string, number>
}

const trail = async (shop: Shop, ids: string[]): Promise<Trail> => ({ stages: await stages(shop, ids), passes: await passes(shop, ids) })

const STAGES = {
  relay_placed: 'stage: placed → OrderPlaced published',
  payments_and_catalog: 'stage: → last payment/store result written (consumers)',
  relay_results: 'stage: → last result published',
  ordering: 'stage: → accepted (ordering consumer)',
}

const PASSES = {
  placing: 'placing (web group commits)',
  relay: 'publish batches (writers after commit, relay passes)',
  payments: 'payments batches',
  catalog: 'catalog batches',
  ordering: 'ordering batches',
}

/** Where the machine's CPU goes per order; the parts share the same two cores. */
const CPU_PARTS = {
  web: 'CPU time, not wall time',
  worker: 'CPU time, all workers',
  postgres: 'CPU time of the stack\'s backends',
  postgresWorkers: 'the part of it serving the workers (relay, consumers)',
  broker: 'CPU time of the local nats-server',
  bench: 'the load generator (this process)',
  machine: 'every process and the kernel: all of the above and the rest',
}

const CONCURRENCIES = [20, 50]

/** Open-loop rates as fractions of the best closed-loop rate of the same repetition, so the CPU-per-order curve is visible. */
const PART_LOADS = { 'half load': 1 / 2, 'quarter load': 1 / 4 }

/** Orders placed one at a time on an otherwise idle stack: what a lone shopper waits, with nothing to batch with. */
const IDLE_ORDERS = 20

async function idleOrders(shop: Shop, orders: PreparedOrder[]): Promise<{ ms: number[], cpu: CpuUse }> {
  const ms: number[] = []
  const cpu = await shopCpuMeter(shop)
  for (const order of orders) {
    const { id } = await submit(shop.stack.baseUrl, order)
    const [outcome] = await waitUntilDecided(shop, [id], 30_000)
    if (outcome!.status === 'accepted') ms.push(outcome!.updatedAt.getTime() - outcome!.placedAt.getTime())
    // Lets the relay and consumers go back to waiting, as between two shoppers.
    await sleep(200)
  }
  return { ms, cpu: cpu() }
}

/**
 * Orders over HTTP with zero confirmation delays, each from its own customer with its own payment
 * (prepared before the clock starts), until every order is accepted or rejected. Full load is a closed
 * loop at 20 and at 50 concurrent clients; half load is an open loop at half the better of the two
 * rates measured in the same repetition.
 */
export const pipeline: Scenario = {
  name: 'pipeline',
  async run({ quick, reps, results, log, shop: openShop }) {
    const shop = await openShop()
    // Runs long enough to be mostly steady flow: at 400 orders a run lasted under half a second here,
    // no longer than one order takes to get through at full load, so filling and draining the
    // pipeline weighed as much as the flow itself.
    const count = quick ? 100 : 2000
    const prepare = () => prepareOrders(shop, count, index => basket(shop.catalog, index))
    // A discarded run of the same size at full load first: measured before V8 has optimized the hot
    // paths of web and worker, the first repetition ran a third slower than the others.
    await closedLoop(shop, await prepare(), Math.max(...CONCURRENCIES))

    const runs: Record<string, Run[]> = {}
    const keep = (label: string, run: Run) => {
      (runs[label] ??= []).push(run)
      log(`pipeline ${label}: ${run.ordersPerSecond.toFixed(1)} orders/s, accepted p50 ${percentile(run.acceptedMs, 50)} ms p99 ${percentile(run.acceptedMs, 99)} ms${run.notAccepted ? `, ${run.notAccepted} not accepted` : ''}`)
    }
    for (let rep = 0; rep < reps; rep++) {
      for (const concurrency of CONCURRENCIES) keep(`concurrency ${concurrency}`, await closedLoop(shop, await prepare(), concurrency))
      const best = Math.max(...CONCURRENCIES.map(concurrency => runs[`concurrency ${concurrency}`]!.at(-1)!.ordersPerSecond))
      for (const [label, share] of Object.entries(PART_LOADS)) {
        // A quarter of the rate for half the orders: a run of about the same length.
        keep(label, await openLoop(shop, (await prepare()).slice(0, share < 0.5 ? count / 2 : count), best * share))
      }
    }
    const idle: number[] = []
    const idleCpu: CpuUse[] = []
    for (let rep = 0; rep < reps; rep++) {
      const prepared = await prepareOrders(shop, IDLE_ORDERS, index => basket(shop.catalog, index))
      const { ms, cpu } = await idleOrders(shop, prepared)
      idle.push(percentile(ms, 50))
      idleCpu.push(cpu)
    }
    results.record('pipeline', `idle: one order at a time, placed → accepted p50 of ${IDLE_ORDERS}`, 'ms', idle, 'nothing else in flight: no batch to join')
    // What an order costs when every step runs alone: each round trip wakes a process of its own.
    for (const part of ['web', 'worker', 'postgres', 'broker'] as const) {
      const seconds = (use: CpuUse) => part === 'worker' ? use.workersS : use[`${part}S`]
      results.record('pipeline', `idle: ${part} CPU per order`, 'ms', idleCpu.map(use => (seconds(use) * 1000) / IDLE_ORDERS), 'with the 200 ms pauses between orders (idle polls and heartbeats)')
    }

    for (const [label, list] of Object.entries(runs)) {
      const share = PART_LOADS[label as keyof typeof PART_LOADS]
      const note = share ? `open loop at ${share} of the best closed-loop rate of the same repetition` : `${count} orders per run, closed loop`
      results.record('pipeline', `${label}: orders/s submitted → decided`, 'orders/s', list.map(run => run.ordersPerSecond), note)
      for (const p of [50, 95, 99]) {
        results.record('pipeline', `${label}: placed → accepted p${p}`, 'ms', list.map(run => percentile(run.acceptedMs, p)))
      }
      results.record('pipeline', `${label}: POST /api/orders p99`, 'ms', list.map(run => percentile(run.submitMs, 99)))
      for (const [part, note] of Object.entries(CPU_PARTS)) {
        results.record('pipeline', `${label}: ${part === 'postgresWorkers' ? 'postgres for the workers' : part} CPU per order`, 'ms', list.map(run => run.cpuMs[part as keyof Run['cpuMs']]), note)
      }
      if (label !== 'concurrency 20') {
        for (const [stage, name] of Object.entries(STAGES)) results.record('pipeline', `${label}: ${name} p50`, 'ms', list.map(run => run.stages[stage]!))
        for (const [stage, name] of Object.entries(PASSES)) results.record('pipeline', `${label}: transactions per order, ${name}`, 'tx', list.map(run => run.passes[stage]!))
      }
      const notAccepted = list.reduce((sum, run) => sum + run.notAccepted, 0)
      if (notAccepted > 0) results.record('pipeline', `${label}: orders not accepted`, 'orders', list.map(run => run.notAccepted), 'expected 0')
    }
  },
}
