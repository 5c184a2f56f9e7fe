import type { BenchContext, Scenario } from '../support/context'
import { basket, closeShop, openShop, prepareOrders, slowBasket, submit, waitUntilDecided, type Item, type Shop } from '../support/shop'
import { residentMemory } from '../support/stack'

/** Submits `count` prepared orders all at once; seconds from the first POST until the last order is decided. */
async function burst(shop: Shop, count: number, items: (index: number) => Item[], timeoutMs: number) {
  const orders = await prepareOrders(shop, count, items)
  const started = Date.now()
  const settled = await Promise.allSettled(orders.map(order => submit(shop.stack.baseUrl, order)))
  const allSubmitted = Date.now()
  const submitted = settled.flatMap(result => result.status === 'fulfilled' ? [result.value] : [])
  const failed = settled.flatMap(result => result.status === 'rejected' ? [String(result.reason)] : [])
  // A refused submission is a finding, not a reason to stop the bench: count it and show why.
  if (failed.length > 0) console.error(`[bench] ${failed.length} of ${count} submissions failed; first: ${failed[0]!.slice(0, 300)}\n${shop.stack.web.output().slice(-3000)}`)
  const outcomes = await waitUntilDecided(shop, submitted.map(order => order.id), timeoutMs)
  const finished = Math.max(...outcomes.map(outcome => outcome.updatedAt.getTime()))
  return {
    settledS: (finished - started) / 1000,
    submittedS: (allSubmitted - started) / 1000,
    worstOrderS: Math.max(...outcomes.map(outcome => outcome.updatedAt.getTime() - outcome.placedAt.getTime())) / 1000,
    notAccepted: outcomes.filter(outcome => outcome.status !== 'accepted').length,
    failedSubmissions: failed.length,
  }
}

type Burst = Awaited<ReturnType<typeof burst>>

function record({ results, log }: BenchContext, label: string, runs: Burst[], note: string) {
  results.record('delays', `${label}: all decided after`, 's', runs.map(run => run.settledS), note)
  results.record('delays', `${label}: all submitted after`, 's', runs.map(run => run.submittedS))
  results.record('delays', `${label}: slowest order placed → decided`, 's', runs.map(run => run.worstOrderS), 'the delay each order itself waited')
  if (runs.some(run => run.failedSubmissions > 0)) results.record('delays', `${label}: submissions refused`, 'orders', runs.map(run => run.failedSubmissions), 'expected 0')
  const notAccepted = runs.reduce((sum, run) => sum + run.notAccepted, 0)
  if (notAccepted > 0) results.record('delays', `${label}: orders not accepted`, 'orders', runs.map(run => run.notAccepted), 'expected 0')
  log(`delays ${label}: ${runs.map(run => `${run.settledS.toFixed(1)} s`).join(', ')}`)
}

/**
 * Simulated confirmation delays must overlap, not add up. (1) On the zero-delay stack, 200 orders (100 with
 * --quick) with a line from a store whose own delay is 2 s. (2) On a stack of its own with the default delays
 * (payment 5 s, stores 15 s), 1,000 orders (200 with --quick) submitted at once.
 */
export const delays: Scenario = {
  name: 'delays',
  async run(context) {
    const { quick, reps, results } = context
    const fast = await context.shop()
    const slowCount = quick ? 100 : 200
    const slowRuns = []
    for (let rep = 0; rep < reps; rep++) slowRuns.push(await burst(fast, slowCount, index => slowBasket(fast.catalog, index), 60_000))
    record(context, `${slowCount} orders at once, store delay 2 s, payment 0 s`, slowRuns, 'ideal ≈ 2 s')

    const count = quick ? 200 : 1000
    const stack = await context.startStack('delays', { env: { PAYMENT_CONFIRM_DELAY_MS: '5000', STORE_CONFIRM_DELAY_MS: '15000', ORDER_CONFIRM_DEADLINE_MS: '60000' } })
    try {
      const shop = await openShop(stack, { stores: 3, perStore: 25 })
      try {
        const runs = []
        for (let rep = 0; rep < reps; rep++) runs.push(await burst(shop, count, index => basket(shop.catalog, index), 90_000))
        record(context, `${count} orders at once, delays 5 s / 15 s`, runs, 'target ≤ 17 s (the longest delay is 15 s)')
      }
      finally {
        await closeShop(shop)
      }
      results.record('memory', 'web peak RSS (delays stack)', 'MiB', [residentMemory(stack.web.pid).peakMiB], 'VmHWM')
      results.record('memory', 'worker peak RSS (delays stack)', 'MiB', [residentMemory(stack.workers[0]!.pid).peakMiB], 'VmHWM')
    }
    finally {
      await stack.stop()
    }
  },
}
