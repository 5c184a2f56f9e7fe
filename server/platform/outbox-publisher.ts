import type { JetStreamClient } from '@nats-io/jetstream'
import { headers } from '@nats-io/transport-node'
import { SpanKind } from '@opentelemetry/api'
import type { Db } from './db'
import type { Logger } from './log'
import type { OutboxRow } from './outbox'
import { activeTraceparent, contextOf, inSpan, tracingOn } from './tracing'
import { workerIdentity } from './worker-identity'

/**
 * How long published ids wait to be marked together. A lone order's three worker hops land in one
 * mark; a crash in between only leaves rows for the relay to publish again (the copies are dropped).
 */
const MARK_INTERVAL_MS = 50

/**
 * Publishes one row with Nats-Msg-Id = its id. A row written in a trace carries it on in a
 * `traceparent` header: from a span of its own while this process traces, else as it was written.
 */
export function publishRow(js: JetStreamClient, subject: string, row: OutboxRow) {
  const send = (traceparent: string | null) => {
    const options = traceparent ? { msgID: row.id, headers: withTraceparent(traceparent) } : { msgID: row.id }
    return js.publish(subject, JSON.stringify(row.payload), options)
  }
  if (!row.traceparent || !tracingOn()) return send(row.traceparent)
  const span = { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'nats', 'messaging.operation.type': 'send', 'messaging.destination.name': subject, 'messaging.message.id': row.id } }
  return inSpan(`send ${subject}`, span, () => send(activeTraceparent()), contextOf(row.traceparent))
}

function withTraceparent(traceparent: string) {
  const header = headers()
  header.set('traceparent', traceparent)
  return header
}

/**
 * Publishes a writer's outbox rows as soon as its transaction has committed (see publishAfterCommit
 * in outbox.ts), then marks them published: the ids of every batch acked within MARK_INTERVAL_MS go
 * in one update on `markDb` (the relay's pool, asynchronous commit), each stamped with the time its
 * batch was acked. Nothing waits on it. A publish that fails, or a process that dies before marking,
 * leaves the rows unpublished: the relay publishes them after its grace period, and the stream's
 * duplicate window and the consumers' inbox drop any copy.
 */
export function outboxPublisher(js: JetStreamClient, subject: (relative: string) => string, markDb: Db, log: Logger, onPublished: (count: number) => void = () => {}) {
  const inFlight = new Set<Promise<void>>()
  let toMark: { ids: string[], at: string[] } = { ids: [], at: [] }
  let marking: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined

  const mark = async () => {
    timer = undefined
    const { ids, at } = toMark
    toMark = { ids: [], at: [] }
    if (ids.length === 0) return
    try {
      await markDb`
        update platform.outbox o set published_at = m.at, published_by = ${workerIdentity()}
        from unnest(${ids}::uuid[], ${at}::timestamptz[]) as m(id, at)
        where o.id = m.id`
    }
    catch (error) {
      log.warn({ err: error, rows: ids.length }, 'could not mark published outbox rows; the relay will publish them again')
    }
  }

  const publishAll = async (rows: OutboxRow[]) => {
    try {
      await Promise.all(rows.map(row => publishRow(js, subject(row.subject), row)))
    }
    catch (error) {
      log.warn({ err: error, rows: rows.length }, 'could not publish outbox rows after commit; the relay will')
      return
    }
    onPublished(rows.length)
    const at = new Date().toISOString()
    for (const row of rows) {
      toMark.ids.push(row.id)
      toMark.at.push(at)
    }
    timer ??= setTimeout(() => void (marking = mark()), MARK_INTERVAL_MS)
  }

  return {
    /** Starts publishing rows that have just committed; returns at once. */
    publish(rows: OutboxRow[]) {
      if (rows.length === 0) return
      const publishing = publishAll(rows).finally(() => inFlight.delete(publishing))
      inFlight.add(publishing)
    },
    /** Waits for the publishes in flight and marks what they published: call before closing NATS and the pools. */
    async drain() {
      await Promise.all(inFlight)
      clearTimeout(timer)
      await marking
      await mark()
    },
  }
}

export type OutboxPublisher = ReturnType<typeof outboxPublisher>
