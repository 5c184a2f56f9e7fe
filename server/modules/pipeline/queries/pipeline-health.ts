import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import type { Sql } from '../../../platform/db'
import type { ConsumerName, PipelineNames } from '../../../platform/jetstream'
import type { ConsumerHealthView, PipelineHealthView } from '../../../../shared/types/pipeline'
import { listDeadLetters } from '../adapters/dead-letters.pg'
import { deadLetterView } from '../view'

/** One durable consumer's counts, or exists: false (and zeros) when JetStream does not know it. */
export type ConsumerHealth = ConsumerHealthView & { name: ConsumerName }

/** Per durable consumer: messages not yet delivered (pending), delivered but not acked (in flight), redelivered. */
export async function consumerHealth(jsm: JetStreamManager, names: PipelineNames): Promise<ConsumerHealth[]> {
  return Promise.all((['payments', 'catalog', 'ordering'] as const).map(async (name) => {
    const durable = names.durable(name)
    try {
      const info = await jsm.consumers.info(names.stream, durable)
      return { name, durable, exists: true, pending: info.num_pending, inFlight: info.num_ack_pending, redelivered: info.num_redelivered }
    }
    catch {
      return { name, durable, exists: false, pending: 0, inFlight: 0, redelivered: 0 }
    }
  }))
}

/** Outbox rows not yet published, and the age of the oldest (null when there is none). */
export async function outboxLag(db: Sql) {
  const [row] = await db<{ unpublished: number, oldestSeconds: number | null }[]>`
    select count(*)::int as unpublished, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
    from platform.outbox where published_at is null`
  return { unpublished: row!.unpublished, oldestSeconds: row!.oldestSeconds }
}

/** Everything the pipeline panel shows. NATS being down is reported, not thrown. */
export async function pipelineHealth(db: Sql, connectNats: () => Promise<NatsConnection>, names: PipelineNames): Promise<PipelineHealthView> {
  const [consumers, outbox, deadLetters] = await Promise.all([
    connectNats().then(nc => jetstreamManager(nc)).then(jsm => consumerHealth(jsm, names)).catch(() => null),
    outboxLag(db),
    listDeadLetters(db),
  ])
  return { stream: names.stream, natsReachable: consumers !== null, consumers: consumers ?? [], outbox, deadLetters: deadLetters.map(deadLetterView) }
}
