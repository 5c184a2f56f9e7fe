import { onCommit, type Sql } from './db'
import { traceparentFor } from './tracing'
import { workerIdentity } from './worker-identity'

export const OUTBOX_CHANNEL = 'plaza_outbox'

/** A message to publish: `subject` is relative to the prefix (e.g. "ordering.order-placed"). */
export interface OutgoingMessage {
  id: string
  subject: string
  payload: { messageId: string, causationId?: string | null } & Record<string, unknown>
  /** The W3C trace context it continues, when its writer knows better than the active context (see traceparentOf). */
  traceparent?: string | null
}

/**
 * The trace context an outbox row keeps (null while tracing is off): the message's own, else its
 * cause's or the active span's (server/platform/tracing.ts).
 */
export const traceparentOf = (message: OutgoingMessage): string | null =>
  message.traceparent ?? traceparentFor(message.payload.causationId)

/** An outbox row as it is published. */
export interface OutboxRow {
  id: string
  /** Relative to the prefix. */
  subject: string
  payload: unknown
  traceparent: string | null
}

export interface PendingMessage extends OutboxRow {
  position: number
}

let publishing: ((rows: OutboxRow[]) => void) | undefined

/**
 * Makes this process publish the outbox rows it writes as soon as they commit (outboxPublisher),
 * instead of waking the relay for each commit: a process that has JetStream calls this once.
 * Undefined hands its rows back to the relay.
 */
export function publishAfterCommit(publish: ((rows: OutboxRow[]) => void) | undefined): void {
  publishing = publish
}

/**
 * Who publishes what `sql` writes to the outbox: this process, right after the commit (the function
 * returned takes the rows), or, when it has no publisher or writes inside a savepoint, the relay,
 * which the writer must then wake.
 */
export function afterCommitPublisher(sql: Sql): ((rows: OutboxRow[]) => void) | undefined {
  const publish = publishing
  const later = publish && onCommit(sql)
  return later && (rows => later(() => publish(rows)))
}

/**
 * Adds messages to the outbox inside the caller's transaction: one statement. This process publishes
 * them once it commits (see afterCommitPublisher); otherwise the statement wakes the relay, naming
 * the first row, so a relay that has published it already (with the rest of the transaction's rows,
 * which it saw together) need not look again.
 */
export async function enqueue(tx: Sql, messages: OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return
  const rows = messages.map(m => ({ id: m.id, subject: m.subject, payload: m.payload, traceparent: traceparentOf(m) }))
  const publish = afterCommitPublisher(tx)
  // JSON travels as text[] and is cast per row: a jsonb[] parameter would encode each string once more.
  await tx`
    with queued as (
      insert into platform.outbox (id, subject, payload, traceparent)
      select id, subject, payload::jsonb, traceparent
      from unnest(${rows.map(r => r.id)}::uuid[], ${rows.map(r => r.subject)}::text[], ${rows.map(r => JSON.stringify(r.payload))}::text[],
                  ${rows.map(r => r.traceparent)}::text[])
        as m(id, subject, payload, traceparent)
    )
    select pg_notify(${OUTBOX_CHANNEL}, ${rows[0]!.id}) where ${!publish}`
  publish?.(rows)
}

/**
 * Locks a batch of unpublished rows written at least `minAgeMs` ago (younger ones are their writers'
 * to publish); other relays skip them, so replicas share the work.
 */
export function lockUnpublished(tx: Sql, limit: number, minAgeMs = 0) {
  return tx<PendingMessage[]>`
    select position, id, subject, payload, traceparent from platform.outbox
    where published_at is null and created_at <= clock_timestamp() - make_interval(secs => ${minAgeMs / 1000})
    order by position
    limit ${limit}
    for update skip locked`
}

export async function markPublished(tx: Sql, ids: string[], publishedBy = workerIdentity()): Promise<void> {
  await tx`update platform.outbox set published_at = now(), published_by = ${publishedBy} where id = any(${ids}::uuid[])`
}
