import type { Consumer, JsMsg } from '@nats-io/jetstream'
import { recordDeadLetter } from '../../server/modules/pipeline'
import { isConnectionError, type Sql } from '../../server/platform/db'
import type { Logger } from '../../server/platform/log'
import type { MessageOutcome } from '../../server/modules/shared/messages'
import { batchQueue } from './batch-queue'
import { batchSpans } from './message-spans'
import { batchDuration, consumedMessages } from './metrics'
import { stopPulling } from './stop-pulling'

/** A message of a batch with its parsed JSON body. */
export interface Delivery {
  message: JsMsg
  payload: unknown
}

export interface ConsumerSpec {
  name: string
  /**
   * Subjects (relative to the prefix) this consumer never acts on. A durable consumer has one filter
   * subject on NATS 2.9, so ordering hears its own events and payments and catalog hear OrderAccepted;
   * such messages are acked as they arrive, unparsed, and take no room in a batch.
   */
  skips?: (subject: string) => boolean
  /**
   * Handles a batch and returns one outcome per delivery, in the same order. It commits before it
   * returns; a throw means the whole batch failed for a transient reason and is redelivered.
   */
  handleBatch: (deliveries: Delivery[]) => Promise<MessageOutcome[]>
}

/**
 * How long one pull request waits on the server. nats.js sends the next pull before it expires and
 * watches heartbeats at half this interval; a pull held by a broker node that died is noticed after
 * two missed heartbeats. The default (30 s) left a clustered pipeline idle for half a minute after its
 * consumer leader was killed; 5 s costs one idle pull per consumer every few seconds.
 */
const PULL_EXPIRES_MS = 5_000

/**
 * The shortest time between the starts of two batches of one consumer. Every batch costs a durable
 * commit and half a dozen statements whatever its size, so a message that comes soon after a batch
 * started waits out the rest of this interval to share the next one; a message that finds the
 * consumer idle goes at once. Under full load batches take longer than this and it changes nothing.
 */
const BATCH_INTERVAL_MS = 10

/**
 * Batches of one consumer handled at once. While one waits on Postgres round trips the next can use
 * the CPU, as a second worker's would: the handlers are written for several workers sharing a durable
 * consumer (row locks in id order, inbox claims), so two batches of one process need nothing more.
 */
const BATCHES_IN_FLIGHT = 2

/** Redelivery backoff for transient failures: 0.5 s, 1 s, 2 s … capped at 30 s. */
export const backoff = (deliveries: number) => Math.min(500 * 2 ** Math.max(0, deliveries - 1), 30_000)

/** What a consumer loop runs with: the pool, the logger, the largest batch, the prefix's subject mapping, the stop signal. */
export interface ConsumerContext {
  db: Sql
  log: Logger
  batchSize: number
  relative: (subject: string) => string
  stopSignal: AbortSignal
}

/**
 * Pulls messages and hands them over in batches: whatever has arrived, up to `batchSize`, goes
 * to one `handleBatch` (one transaction), and each message is acked, nak'ed or terminated only
 * after it returns. While a batch runs, the next one gathers, and starts unless BATCHES_IN_FLIGHT
 * are running already. On the stop signal it pulls no more and handles what its outstanding pulls
 * still bring; once they have run out, it lets the batches in flight finish and hands back at once
 * (nak without delay) every message it had not started, so another worker takes them up now rather
 * than after the ack wait.
 */
export async function runConsumer(consumer: Consumer, spec: ConsumerSpec, context: ConsumerContext) {
  const { db, log, batchSize, relative, stopSignal } = context
  const messages = await consumer.consume({ max_messages: batchSize * 2, expires: PULL_EXPIRES_MS })
  // Set once this worker's pull requests have run out: what it has not started by then is handed back.
  let closing = false
  stopSignal.addEventListener('abort', () => void stopPulling(messages, PULL_EXPIRES_MS, () => (closing = true)), { once: true })
  // Safe once no pull request of this worker is left on the server: nak'ed before, a message could be redelivered to one.
  let handedBack = 0
  const handBack = (message: JsMsg) => {
    message.nak()
    handedBack++
    consumedMessages.inc({ consumer: spec.name, outcome: 'handed_back' })
  }
  const queue = batchQueue<JsMsg>(batchSize * 2)
  const reading = (async () => {
    try {
      for await (const message of messages) {
        if (spec.skips?.(relative(message.subject))) {
          message.ack()
          consumedMessages.inc({ consumer: spec.name, outcome: 'skipped' })
        }
        else if (closing) {
          handBack(message)
        }
        else {
          await queue.put(message)
        }
      }
    }
    finally {
      queue.close()
    }
  })()
  const inFlight = new Set<Promise<void>>()
  // A batch that throws (it could not even settle its messages) ends the loop and the worker.
  let failure: { error: unknown } | undefined
  let lastStarted = 0
  for (let batch = await queue.take(batchSize); batch.length > 0 && !failure; batch = await queue.take(batchSize, lastStarted + BATCH_INTERVAL_MS)) {
    lastStarted = Date.now()
    if (closing) {
      batch.forEach(handBack)
      continue
    }
    const handling: Promise<void> = handleBatch(batch, spec, db, log)
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(handling))
    inFlight.add(handling)
    if (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  if (failure) throw failure.error
  await reading
  if (stopSignal.aborted) log.info({ consumer: spec.name, handedBack }, 'consumer stopped')
}

async function handleBatch(messages: JsMsg[], spec: ConsumerSpec, db: Sql, log: Logger) {
  const deliveries: Delivery[] = []
  for (const message of messages) {
    try {
      deliveries.push({ message, payload: message.json() })
    }
    catch {
      await poison(message, spec, db, log, 'unparseable JSON')
    }
  }
  if (deliveries.length === 0) return
  const spans = batchSpans(spec.name, deliveries)
  let outcomes: MessageOutcome[]
  try {
    outcomes = await (spans ? spans.run(() => timed(spec, deliveries)) : timed(spec, deliveries))
  }
  catch (error) {
    spans?.fail(error)
    // One message whose effect the database refuses must not hold the others hostage: unless the
    // database itself is away, handle each alone, so only the bad one is retried (and, at
    // max_deliver, dead-lettered through the advisory).
    if (deliveries.length > 1 && !isConnectionError(error)) {
      log.warn({ consumer: spec.name, messages: deliveries.length, err: error }, 'batch failed; handling its messages one by one')
      for (const delivery of deliveries) await handleBatch([delivery.message], spec, db, log)
      return
    }
    for (const { message } of deliveries) message.nak(backoff(message.info.deliveryCount))
    consumedMessages.inc({ consumer: spec.name, outcome: 'retried' }, deliveries.length)
    const orderIds = [...new Set(deliveries.flatMap(delivery => messageFields(delivery.message, delivery.payload).orderId ?? []))]
    log.warn({ consumer: spec.name, messages: deliveries.length, orderIds, err: error }, 'batch failed, will retry')
    return
  }
  await Promise.all(deliveries.map((delivery, index) => spans
    ? spans.settle(delivery.message, () => settle(delivery, outcomes[index]!, spec, db, log))
    : settle(delivery, outcomes[index]!, spec, db, log)))
}

async function timed(spec: ConsumerSpec, deliveries: Delivery[]): Promise<MessageOutcome[]> {
  const stopTimer = batchDuration.startTimer({ consumer: spec.name })
  try {
    return await spec.handleBatch(deliveries)
  }
  finally {
    stopTimer()
  }
}

/** What a log line about a message says: every Plaza message carries its messageId and orderId. */
function messageFields(message: JsMsg, payload?: unknown) {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return {
    orderId: text(body.orderId),
    messageId: text(body.messageId) ?? (message.headers?.get('Nats-Msg-Id') || undefined),
    type: text(body.type),
    deliveries: message.info.deliveryCount,
  }
}

async function settle({ message, payload }: Delivery, outcome: MessageOutcome, spec: ConsumerSpec, db: Sql, log: Logger) {
  if ('poison' in outcome) return poison(message, spec, db, log, outcome.poison, payload)
  const fields = { consumer: spec.name, ...messageFields(message, payload) }
  if ('retryInMs' in outcome) {
    const retryInMs = Math.max(1, Math.round(outcome.retryInMs))
    message.nak(retryInMs)
    consumedMessages.inc({ consumer: spec.name, outcome: 'retried' })
    // Delayed confirmations come back once or twice each: worth a line only when debugging.
    log.debug({ ...fields, retryInMs }, 'message not due yet; redelivery asked')
    return
  }
  message.ack()
  consumedMessages.inc({ consumer: spec.name, outcome: 'acked' })
  log.info(fields, 'message handled')
}

async function poison(message: JsMsg, spec: ConsumerSpec, db: Sql, log: Logger, reason: string, payload?: unknown) {
  const messageId = message.headers?.get('Nats-Msg-Id') || null
  try {
    await recordDeadLetter(db, { consumer: spec.name, subject: message.subject, messageId, payload: message.string().slice(0, 100_000), reason, deliveries: message.info.deliveryCount })
    log.warn({ consumer: spec.name, subject: message.subject, ...messageFields(message, payload), reason }, 'dead letter')
    consumedMessages.inc({ consumer: spec.name, outcome: 'dead_lettered' })
    message.term(reason)
  }
  catch (error) {
    // Could not record it (database down?): try again later rather than lose it.
    message.nak(backoff(message.info.deliveryCount))
    log.warn({ consumer: spec.name, err: error }, 'could not record a dead letter, will retry')
  }
}
