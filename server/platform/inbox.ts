import type { Sql } from './db'

/**
 * Claims a message for a consumer inside the caller's transaction. False means it was handled
 * before: the effect must be skipped and the message acked.
 */
export async function claimMessage(tx: Sql, consumer: string, messageId: string): Promise<boolean> {
  const rows = await tx`
    insert into platform.inbox (consumer, message_id) values (${consumer}, ${messageId})
    on conflict do nothing
    returning 1`
  return rows.length === 1
}
