import type { JetStreamManager } from '@nats-io/jetstream'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { Sql } from '../../server/platform/db'
import { consumerHealth, countDeadLetters, outboxLag, type ConsumerHealth } from '../../server/modules/pipeline'
import type { PipelineNames } from '../../server/platform/jetstream'
import type { Logger } from '../../server/platform/log'
import { createMetricsRegistry, sharedForScrape } from '../../server/platform/metrics/registry'

/** The worker's metrics; what it counts itself is registered here, the pipeline gauges by `watchPipeline`. */
export const workerMetrics = createMetricsRegistry()

export const consumedMessages = new Counter({
  name: 'plaza_consumer_messages_total',
  help: 'Messages this worker settled, by consumer and outcome: acked (handled or nothing to do), skipped (a subject it never acts on, acked unread), retried (nak with a delay: not due yet, or a transient failure), dead_lettered (terminated as poison), handed_back (nak without delay by a stopping worker that had not started it)',
  labelNames: ['consumer', 'outcome'] as const,
  registers: [workerMetrics],
})

export const batchDuration = new Histogram({
  name: 'plaza_consumer_batch_duration_seconds',
  help: 'Time a consumer took to handle one batch (one transaction), by consumer',
  labelNames: ['consumer'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [workerMetrics],
})

export const publishedMessages = new Counter({
  name: 'plaza_outbox_published_total',
  help: 'Outbox rows this worker published to JetStream, by who: writer (its own rows, right after their commit) or relay (rows their writers left unpublished)',
  labelNames: ['by'] as const,
  registers: [workerMetrics],
})

/**
 * Gauges read on each scrape from JetStream and Postgres: consumer lag, outbox lag, dead letters.
 * They describe shared state, so every worker reports the same values (aggregate with max). A
 * source that cannot be read leaves its series out rather than report a false zero.
 */
export function watchPipeline(registry: Registry, db: Sql, jsm: JetStreamManager, names: PipelineNames, log: Logger) {
  const consumers = sharedForScrape(() => consumerHealth(jsm, names))
  const outbox = sharedForScrape(() => outboxLag(db))
  // A failed read empties the gauge: no series is better than a stale or false value.
  const guarded = <L extends string>(source: string, collect: (gauge: Gauge<L>) => Promise<void>) => async function (this: Gauge<L>) {
    try {
      await collect(this)
    }
    catch (error) {
      this.reset()
      log.warn({ source, error: (error as Error).message }, 'metrics: could not read a source')
    }
  }
  const perConsumer = (name: string, help: string, value: (consumer: ConsumerHealth) => number) => new Gauge({
    name,
    help,
    labelNames: ['consumer'] as const,
    registers: [registry],
    collect: guarded<'consumer'>('jetstream', async (gauge) => {
      const found = await consumers()
      gauge.reset()
      for (const consumer of found) if (consumer.exists) gauge.set({ consumer: consumer.name }, value(consumer))
    }),
  })
  perConsumer('plaza_consumer_pending_messages', 'Messages in the stream a durable consumer has not delivered yet (JetStream num_pending)', consumer => consumer.pending)
  perConsumer('plaza_consumer_ack_pending_messages', 'Messages delivered to a durable consumer and not acked yet, including delayed confirmations (num_ack_pending)', consumer => consumer.inFlight)
  perConsumer('plaza_consumer_redelivered_messages', 'Messages delivered more than once and not acked yet (num_redelivered)', consumer => consumer.redelivered)
  new Gauge({
    name: 'plaza_outbox_unpublished_messages',
    help: 'Outbox rows not yet published to JetStream',
    registers: [registry],
    collect: guarded('outbox', async gauge => gauge.set((await outbox()).unpublished)),
  })
  new Gauge({
    name: 'plaza_outbox_oldest_unpublished_seconds',
    help: 'Age of the oldest unpublished outbox row; 0 when all are published',
    registers: [registry],
    collect: guarded('outbox', async gauge => gauge.set((await outbox()).oldestSeconds ?? 0)),
  })
  new Gauge({
    name: 'plaza_dead_letters',
    help: 'Dead letters, by state: waiting (for a redrive) or redriven',
    labelNames: ['state'] as const,
    registers: [registry],
    collect: guarded<'state'>('dead letters', async (gauge) => {
      const { waiting, redriven } = await countDeadLetters(db)
      gauge.set({ state: 'waiting' }, waiting)
      gauge.set({ state: 'redriven' }, redriven)
    }),
  })
}
