import type { JsMsg } from '@nats-io/jetstream'
import type { Db, Sql } from '../server/platform/db'
import { DomainError } from '../server/platform/errors'
import { claimMessage } from '../server/platform/inbox'
import { storeResultMessage } from '../server/modules/catalog/messages'
import { recordPaymentResult, recordStoreResult, retryOnConflict } from '../server/modules/ordering'
import { paymentResultMessage } from '../server/modules/payments/messages'
import { DONE, PoisonMessage, type ConsumerSpec } from './consumer'

export const ORDERING = 'ordering'

/** Applies payment and store results to the order's stream, with the expected version, exactly once. */
export function orderingConsumer(db: Db, relative: (subject: string) => string): ConsumerSpec {
  return {
    name: ORDERING,
    async handle(message: JsMsg, payload) {
      const module = relative(message.subject).split('.')[0]
      if (module === 'ordering') return DONE
      const record = module === 'payments' ? paymentRecorder(payload) : module === 'catalog' ? storeRecorder(payload) : undefined
      if (!record) throw new PoisonMessage(`unexpected subject ${message.subject}`)
      const cause = { causationId: record.messageId, consumer: ORDERING, deliveryAttempt: message.info.deliveryCount }
      try {
        await retryOnConflict(() => db.begin(async (tx) => {
          if (await claimMessage(tx, ORDERING, record.messageId)) await record.apply(tx, cause)
        }))
      }
      catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') throw new PoisonMessage(`unknown order ${record.orderId}`)
        throw error
      }
      return DONE
    },
  }
}

type Recorder = { messageId: string, orderId: string, apply: (tx: Sql, cause: { causationId: string, consumer: string, deliveryAttempt: number }) => Promise<unknown> }

function paymentRecorder(payload: unknown): Recorder {
  const parsed = paymentResultMessage.safeParse(payload)
  if (!parsed.success) throw new PoisonMessage(`invalid payment result: ${parsed.error.issues[0]?.message}`)
  return { messageId: parsed.data.messageId, orderId: parsed.data.orderId, apply: (tx, cause) => recordPaymentResult(tx, parsed.data, cause) }
}

function storeRecorder(payload: unknown): Recorder {
  const parsed = storeResultMessage.safeParse(payload)
  if (!parsed.success) throw new PoisonMessage(`invalid store result: ${parsed.error.issues[0]?.message}`)
  return { messageId: parsed.data.messageId, orderId: parsed.data.orderId, apply: (tx, cause) => recordStoreResult(tx, parsed.data, cause) }
}
