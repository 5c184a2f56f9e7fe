import type { Consumer, JsMsg } from '@nats-io/jetstream'
import { recordDeadLetter } from '../server/platform/dead-letters'
import type { Sql } from '../server/platform/db'
import type { Logger } from './log'

/** What a handler decided: done (ack), or not yet (redeliver after a delay, without blocking anything). */
export type Outcome = { done: true } | { retryInMs: number }

export const DONE: Outcome = { done: true }

/** A message that can never succeed: it is terminated and kept as a dead letter. */
export class PoisonMessage extends Error {}

export interface ConsumerSpec {
  name: string
  handle: (message: JsMsg, payload: unknown) => Promise<Outcome>
}

/** Redelivery backoff for transient failures: 0.5 s, 1 s, 2 s … capped at 30 s. */
export const backoff = (deliveries: number) => Math.min(500 * 2 ** Math.max(0, deliveries - 1), 30_000)

/**
 * Pulls messages and handles up to `concurrency` at once. Parse → handle (which persists
 * idempotently) → ack; nak with a delay on transient failure; term and record poison.
 */
export async function runConsumer(consumer: Consumer, spec: ConsumerSpec, db: Sql, log: Logger, concurrency: number, stopSignal: AbortSignal) {
  const messages = await consumer.consume({ max_messages: concurrency * 2 })
  stopSignal.addEventListener('abort', () => void messages.close(), { once: true })
  const inFlight = new Set<Promise<void>>()
  for await (const message of messages) {
    const task = handleOne(message, spec, db, log).finally(() => inFlight.delete(task))
    inFlight.add(task)
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
}

async function handleOne(message: JsMsg, spec: ConsumerSpec, db: Sql, log: Logger) {
  const deliveries = message.info.deliveryCount
  let payload: unknown
  try {
    payload = message.json()
  }
  catch {
    return poison(message, spec, db, log, 'unparseable JSON')
  }
  try {
    const outcome = await spec.handle(message, payload)
    if ('retryInMs' in outcome) message.nak(Math.max(1, Math.round(outcome.retryInMs)))
    else message.ack()
  }
  catch (error) {
    if (error instanceof PoisonMessage) return poison(message, spec, db, log, error.message)
    const delay = backoff(deliveries)
    log.warn({ consumer: spec.name, subject: message.subject, deliveries, retryInMs: delay, err: error }, 'handler failed, will retry')
    message.nak(delay)
  }
}

async function poison(message: JsMsg, spec: ConsumerSpec, db: Sql, log: Logger, reason: string) {
  const messageId = message.headers?.get('Nats-Msg-Id') || null
  try {
    await recordDeadLetter(db, { consumer: spec.name, subject: message.subject, messageId, payload: message.string().slice(0, 100_000), reason, deliveries: message.info.deliveryCount })
    log.warn({ consumer: spec.name, subject: message.subject, messageId, reason }, 'dead letter')
    message.term(reason)
  }
  catch (error) {
    // Could not record it (database down?): try again later rather than lose it.
    message.nak(backoff(message.info.deliveryCount))
    log.warn({ consumer: spec.name, err: error }, 'could not record a dead letter, will retry')
  }
}
