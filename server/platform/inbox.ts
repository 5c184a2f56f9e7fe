import type { Sql } from './db'
import { workerIdentity } from './worker-identity'

/**
 * Claims a batch of messages in one statement; returns the ids claimed now. An id missing from the
 * result was handled before (or appears twice in the batch): skip its effect and ack it.
 */
export async function claimMessages(tx: Sql, consumer: string, messageIds: string[], handledBy = workerIdentity()): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set()
  const rows = await tx<{ messageId: string }[]>`
    insert into platform.inbox (consumer, message_id, handled_by)
    select ${consumer}, unnest(${messageIds}::uuid[]), ${handledBy}
    on conflict do nothing
    returning message_id`
  return new Set(rows.map(row => row.messageId))
}
