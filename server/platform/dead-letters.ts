import { randomUUID } from 'node:crypto'
import { enqueue, type OutgoingMessage } from './outbox'
import type { Db, Sql } from './db'

export interface DeadLetter {
  id: string
  consumer: string
  subject: string
  messageId: string | null
  payload: string
  reason: string
  deliveries: number
  createdAt: Date
  redrivenAt: Date | null
}

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

/**
 * Puts a dead letter back on its subject through the outbox (a new message id for JetStream's
 * dedup; the payload keeps its own messageId, which no inbox has seen since it was never handled).
 * Returns false when it does not exist or was redriven already.
 */
export async function redriveDeadLetter(db: Db, id: string, relativeSubject: (subject: string) => string): Promise<'redriven' | 'missing' | 'unparseable'> {
  return db.begin(async (tx) => {
    const [letter] = await tx<DeadLetter[]>`
      select id, subject, payload from platform.dead_letters where id = ${id} and redriven_at is null for update`
    if (!letter) return 'missing'
    let payload: unknown
    try {
      payload = JSON.parse(letter.payload)
    }
    catch {
      return 'unparseable'
    }
    if (typeof payload !== 'object' || payload === null) return 'unparseable'
    await enqueue(tx, [{ id: randomUUID(), subject: relativeSubject(letter.subject), payload: payload as OutgoingMessage['payload'] }])
    await tx`update platform.dead_letters set redriven_at = now() where id = ${id}`
    return 'redriven'
  })
}

/** How many dead letters wait for a redrive, and how many were redriven. */
export async function countDeadLetters(db: Sql): Promise<{ waiting: number, redriven: number }> {
  const [row] = await db<{ waiting: number, redriven: number }[]>`
    select count(*) filter (where redriven_at is null)::int as waiting, count(redriven_at)::int as redriven
    from platform.dead_letters`
  return row!
}
