import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACK_WAIT_MS, pipelineNames } from '../../../server/platform/jetstream'
import { openShop, placeOrders } from '../../support/load'
import { expectSettledCorrectly, report } from '../../support/settlement'
import { NATS_URL, startStack, type Stack } from '../../support/stack'
import type { RunningWorker } from '../../support/worker'

/**
 * A worker must be gone well within the pod's grace period (30 s): its outstanding pulls run out
 * within PULL_EXPIRES_MS (5 s), then what is in flight finishes.
 */
const EXIT_WITHIN_MS = 10_000

/** SIGTERM, then how long the process took to exit and with what code. */
async function terminate(worker: RunningWorker): Promise<{ ms: number, code: number | null }> {
  const started = Date.now()
  await worker.stop()
  return { ms: Date.now() - started, code: worker.process.exitCode }
}

/** Messages the three durable consumers still hold: delivered but not acked, or not delivered yet. */
async function unsettledMessages(prefix: string): Promise<number> {
  const nc = await connect({ servers: NATS_URL })
  try {
    const jsm = await jetstreamManager(nc)
    const names = pipelineNames(prefix)
    const infos = await Promise.all((['payments', 'catalog', 'ordering'] as const).map(consumer => jsm.consumers.info(names.stream, names.durable(consumer))))
    return infos.reduce((sum, info) => sum + info.num_ack_pending + info.num_pending, 0)
  }
  finally {
    await nc.close()
  }
}

describe('a worker stopped with SIGTERM under load', () => {
  let stack: Stack
  let sql: postgres.Sql
  beforeAll(async () => {
    // Small pulls keep messages in every stage of a worker's hands when the signal lands.
    stack = await startStack('shutdown', { PLAZA_WORKER_BATCH_SIZE: '10' })
    await stack.startWorker()
    sql = postgres(stack.database.url, { max: 1, onnotice: () => {} })
  }, 90_000)
  afterAll(async () => {
    await sql?.end({ timeout: 1 })
    await stack?.stop()
  })

  it('exits promptly, hands back what it had not started, and no order waits out the ack wait', async () => {
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 240, { concurrency: 20 })
    const exits: { ms: number, code: number | null }[] = []
    let handedBack = 0
    // Three times, each time the worker that has been running longest, with the other one carrying on.
    for (const ordersPlaced of [60, 120, 180]) {
      await load.placed(ordersPlaced)
      const oldest = stack.workers().find(worker => worker.process.exitCode === null)!
      exits.push(await terminate(oldest))
      expect(oldest.output()).toContain('"worker stopped"')
      handedBack += [...oldest.output().matchAll(/"handedBack":(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0)
      await stack.startWorker()
    }
    const placed = await load.done
    const loadEnded = Date.now()
    // Watched from the moment the last order is in: a message dropped by a stopping worker would keep
    // its consumer from emptying until the ack wait handed it out again.
    const consumersEmpty = expect.poll(() => unsettledMessages(stack.prefix), { timeout: ACK_WAIT_MS / 2, interval: 200 }).toBe(0)
      .then(() => Date.now() - loadEnded)
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    const drainedMs = await consumersEmpty

    expect(exits.map(exit => exit.code)).toEqual([0, 0, 0])
    expect(Math.max(...exits.map(exit => exit.ms))).toBeLessThan(EXIT_WITHIN_MS)
    // Nor was any order decided as late as a redelivery after the ack wait would make it.
    const [{ slowestMs }] = await sql<[{ slowestMs: number }]>`
      select coalesce(max(extract(epoch from updated_at - placed_at) * 1000), 0)::float8 as "slowestMs" from ordering.orders`
    expect(slowestMs).toBeLessThan(ACK_WAIT_MS / 2)
    report('worker SIGTERMed 3 times under load', settlement, {
      exits: exits.map(exit => `${exit.ms} ms`).join(', '),
      'handed back': handedBack,
      'slowest order': `${(slowestMs / 1000).toFixed(1)} s`,
      'consumers empty': `${(drainedMs / 1000).toFixed(1)} s after the last order`,
    })
  }, 180_000)
})
