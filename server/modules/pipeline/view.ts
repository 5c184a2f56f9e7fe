import type { DeadLetterView } from '../../../shared/types/pipeline'
import type { DeadLetter } from './adapters/dead-letters.pg'

/** A dead letter as the admin's pipeline panel shows it: dates as ISO strings. */
export function deadLetterView(letter: DeadLetter): DeadLetterView {
  return {
    id: letter.id,
    consumer: letter.consumer,
    subject: letter.subject,
    messageId: letter.messageId,
    payload: letter.payload,
    reason: letter.reason,
    deliveries: letter.deliveries,
    createdAt: letter.createdAt.toISOString(),
    redrivenAt: letter.redrivenAt?.toISOString() ?? null,
  }
}
