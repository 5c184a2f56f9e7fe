import type { JetStreamManager } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import type { Sql } from '../../server/platform/db'
import { recordDeadLetter } from '../../server/modules/pipeline'
import type { PipelineNames } from '../../server/platform/jetstream'
import type { Logger } from '../../server/platform/log'

/**
 * A message that hit max_deliver stays in the stream but is never delivered again; JetStream only
 * says so in an advisory. Record it as a dead letter. A queue group makes one worker take each.
 */
export function watchMaxDeliveries(nc: NatsConnection, jsm: JetStreamManager, db: Sql, names: PipelineNames, log: Logger) {
  const subscription = nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${names.stream}.*`, { queue: `${names.stream}_advisories` })
  const done = (async () => {
    for await (const advisory of subscription) {
      try {
        const { consumer, stream_seq: sequence, deliveries } = advisory.json<{ consumer: string, stream_seq: number, deliveries: number }>()
        const stored = await jsm.streams.getMessage(names.stream, { seq: sequence })
        await recordDeadLetter(db, {
          consumer: consumer.replace(/^.*?_/, ''),
          subject: stored?.subject ?? '?',
          messageId: stored?.header?.get('Nats-Msg-Id') || null,
          payload: stored?.string() ?? '',
          reason: `gave up after ${deliveries} deliveries`,
          deliveries,
        })
        log.warn({ consumer, sequence, deliveries }, 'max deliveries reached; recorded as dead letter')
      }
      catch (error) {
        log.warn({ err: error }, 'could not record a max-deliveries advisory')
      }
    }
  })()
  return { done, stop: () => subscription.unsubscribe() }
}
