import { jetstream } from '@nats-io/jetstream'
import { config } from '../platform/config'
import { relayDb } from '../platform/db'
import { pipelineNames } from '../platform/jetstream'
import { nats } from '../platform/nats'
import { publishAfterCommit } from '../platform/outbox'
import { outboxPublisher, type OutboxPublisher } from '../platform/outbox-publisher'
import { webLog } from '../utils/web-log'

const RETRY_MS = 5000

/**
 * The web publishes the outbox rows it commits (OrderPlaced above all) right after the commit, as the
 * worker does, rather than waking the relay for each: the order's first hop costs no relay pass. No
 * request waits on it. Until NATS answers, the web wakes the relay instead, as before.
 */
export default defineNitroPlugin((nitroApp) => {
  let publisher: OutboxPublisher | undefined
  let retry: NodeJS.Timeout | undefined
  const start = () => nats('plaza-web').then((nc) => {
    publisher = outboxPublisher(jetstream(nc), pipelineNames(config().PLAZA_NATS_PREFIX).subject, relayDb(), webLog)
    publishAfterCommit(publisher.publish)
  }, () => {
    retry = setTimeout(start, RETRY_MS).unref()
  })
  void start()
  nitroApp.hooks.hook('close', async () => {
    clearTimeout(retry)
    await publisher?.drain()
  })
})
