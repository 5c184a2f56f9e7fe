import { randomUUID } from 'node:crypto'
import type { Db } from '../../../platform/db'
import { enqueue, type OutgoingMessage } from '../../../platform/outbox'
import { lockWaitingDeadLetter, markRedriven } from '../adapters/dead-letters.pg'

/**
 * Puts a dead letter back on its subject through the outbox (a new message id for JetStream's
 * dedup; the payload keeps its own messageId, which no inbox has seen since it was never handled).
 * 'missing' when it does not exist or was redriven already.
 */
export async function redriveDeadLetter(db: Db, id: string, relativeSubject: (subject: string) => string): Promise<'redriven' | 'missing' | 'unparseable'> {
  return db.begin(async (tx) => {
    const letter = await lockWaitingDeadLetter(tx, id)
    if (!letter) return 'missing'
    const payload = parseObject(letter.payload)
    if (!payload) return 'unparseable'
    await enqueue(tx, [{ id: randomUUID(), subject: relativeSubject(letter.subject), payload: payload as OutgoingMessage['payload'] }])
    await markRedriven(tx, id)
    return 'redriven'
  })
}

function parseObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? value : undefined
  }
  catch {
    return undefined
  }
}
