import { AckPolicy, DeliverPolicy, jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream'
import { nanos, type NatsConnection } from '@nats-io/transport-node'

export type ConsumerName = 'payments' | 'catalog' | 'ordering'

/** Stream, subjects and durable consumer names, all derived from PLAZA_NATS_PREFIX so tests never touch the demo's. */
export function pipelineNames(prefix: string) {
  return {
    stream: prefix.toUpperCase(),
    subject: (relative: string) => `${prefix}.${relative}`,
    relative: (subject: string) => subject.slice(prefix.length + 1),
    durable: (consumer: ConsumerName) => `${prefix}_${consumer}`,
    filter: {
      // Payments and catalog act on what ordering publishes; ordering acts on their results.
      payments: `${prefix}.ordering.>`,
      catalog: `${prefix}.ordering.>`,
      ordering: `${prefix}.>`,
    } satisfies Record<ConsumerName, string>,
  }
}

export type PipelineNames = ReturnType<typeof pipelineNames>

export const MAX_DELIVER = 50
/**
 * How long a message handed to a worker stays invisible to the others before it is delivered again:
 * what a worker crash, or a broker node lost mid-pull, costs the orders it held. A batch takes well
 * under a second; one slower than this is handled again and the inboxes drop the copy.
 */
export const ACK_WAIT_MS = 15_000

/**
 * Creates or updates the stream and the three durable pull consumers; safe to call from every replica.
 * `replicas` (PLAZA_STREAM_REPLICAS) is how many servers of a JetStream cluster keep the stream; the
 * consumers set none of their own, so the server gives them the stream's count.
 */
export async function ensurePipeline(nc: NatsConnection, names: PipelineNames, replicas = 1): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc)
  const stream = {
    name: names.stream,
    subjects: [names.subject('>')],
    // Limits retention with durable consumers: interest retention would drop a message published while no consumer exists.
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(2 * 60_000),
    max_age: nanos(7 * 24 * 60 * 60_000),
    num_replicas: replicas,
  }
  try {
    await jsm.streams.info(names.stream)
    await jsm.streams.update(names.stream, stream)
  }
  catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error
    await jsm.streams.add(stream)
  }
  for (const consumer of ['payments', 'catalog', 'ordering'] as const) {
    const config = {
      durable_name: names.durable(consumer),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: names.filter[consumer],
      ack_wait: nanos(ACK_WAIT_MS),
      max_deliver: MAX_DELIVER,
      // Delayed confirmations stay pending while they wait; the default of 1000 would stall delivery silently.
      max_ack_pending: 20_000,
    }
    try {
      await jsm.consumers.add(names.stream, config)
    }
    catch {
      await jsm.consumers.update(names.stream, config.durable_name, config)
    }
  }
  return jsm
}
