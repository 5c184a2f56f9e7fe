import type { DeadLetterView } from '../../../../shared/types/pipeline'
import type { Sql } from '../../../platform/db'

/** A row of platform.dead_letters: the panel's view, with its dates as the driver reads them. */
export type DeadLetter = Omit<DeadLetterView, 'createdAt' | 'redrivenAt'> & { createdAt: Date, redrivenAt: Date | null }

export async function recordDeadLetter(db: Sql, letter: Pick<DeadLetter, 'consumer' | 'subject' | 'messageId' | 'payload' | 'reason' | 'deliveries'>) {
  await db`
    insert into platform.dead_letters (consumer, subject, message_id, payload, reason, deliveries)
    values (${letter.consumer}, ${letter.subject}, ${letter.messageId}, ${letter.payload}, ${letter.reason}, ${letter.deliveries})`
}

export function listDeadLetters(db: Sql, limit = 100) {
  return db<DeadLetter[]>`
    select id, consumer, subject, message_id, payload, reason, deliveries, created_at, redriven_at
    from platform.dead_letters
    order by created_at desc
    limit ${limit}`
}

/** How many dead letters wait for a redrive, and how many were redriven. */
export async function countDeadLetters(db: Sql): Promise<{ waiting: number, redriven: number }> {
  const [row] = await db<{ waiting: number, redriven: number }[]>`
    select count(*) filter (where redriven_at is null)::int as waiting, count(redriven_at)::int as redriven
    from platform.dead_letters`
  return row!
}

/** Locks a dead letter not redriven yet, until the transaction ends; undefined when there is none. */
export async function lockWaitingDeadLetter(tx: Sql, id: string): Promise<Pick<DeadLetter, 'id' | 'subject' | 'payload'> | undefined> {
  const [letter] = await tx<DeadLetter[]>`
    select id, subject, payload from platform.dead_letters where id = ${id} and redriven_at is null for update`
  return letter
}

export async function markRedriven(tx: Sql, id: string): Promise<void> {
  await tx`update platform.dead_letters set redriven_at = now() where id = ${id}`
}
