import type { Sql } from './db'
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

/**
 * Adds messages to the outbox inside the caller's transaction, and wakes the relay when it commits:
 * one statement. The notification names the first row, so a relay that has published it already
 * (with the rest of the transaction's rows, which it saw together) need not look again.
 */
export async function enqueue(tx: Sql, messages: OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return
  // JSON travels as text[] and is cast per row: a jsonb[] parameter would encode each string once more.
  await tx`
    with queued as (
      insert into platform.outbox (id, subject, payload, traceparent)
      select id, subject, payload::jsonb, traceparent
      from unnest(${messages.map(m => m.id)}::uuid[], ${messages.map(m => m.subject)}::text[], ${messages.map(m => JSON.stringify(m.payload))}::text[],
                  ${messages.map(traceparentOf)}::text[])
        as m(id, subject, payload, traceparent)
    )
    select pg_notify(${OUTBOX_CHANNEL}, ${messages[0]!.id})`
}

export interface PendingMessage {
  position: number
  id: string
  subject: string
  payload: unknown
  traceparent: string | null
}

/** Locks a batch of unpublished rows; other relays skip them, so replicas share the work. */
export function lockUnpublished(tx: Sql, limit: number) {
  return tx<PendingMessage[]>`
    select position, id, subject, payload, traceparent from platform.outbox
    where published_at is null
    order by position
    limit ${limit}
    for update skip locked`
}

export async function markPublished(tx: Sql, ids: string[], publishedBy = workerIdentity()): Promise<void> {
  await tx`update platform.outbox set published_at = now(), published_by = ${publishedBy} where id = any(${ids}::uuid[])`
}
