import type { Db } from '../server/platform/db'
import { claimMessages } from '../server/platform/inbox'
import { storeResultMessage } from '../server/modules/catalog/messages'
import { lockKnownOrders, recordPaymentCommand, recordResults, recordStoreCommand, retryOnConflict, type OrderResult } from '../server/modules/ordering'
import { paymentResultMessage } from '../server/modules/payments/messages'
import { DONE, poisoned, type ConsumerSpec, type Delivery, type Outcome } from './consumer'

export const ORDERING = 'ordering'

/** A result to record, with the id of the message that carried it (its inbox key). */
type Incoming = OrderResult & { messageId: string, index: number }

/**
 * Applies payment and store results to their orders' streams, with expected versions, exactly once:
 * a whole batch in one transaction. The batch's orders are locked first, so a worker handling
 * results of the same orders waits rather than collides; a collision with a writer that did not
 * lock still runs the batch again on fresh state.
 */
export function orderingConsumer(db: Db, relative: (subject: string) => string): ConsumerSpec {
  return {
    name: ORDERING,
    // Its own events come back through its filter (all of the stream); it acts on results only.
    skips: subject => subject.startsWith('ordering.'),
    async handleBatch(deliveries) {
      const outcomes: Outcome[] = deliveries.map(() => DONE)
      const incoming: Incoming[] = []
      deliveries.forEach((delivery, index) => {
        const parsed = parseResult(delivery, relative)
        if (parsed === 'ignored') return
        if ('poison' in parsed) outcomes[index] = parsed
        else incoming.push({ ...parsed, index })
      })
      if (incoming.length === 0) return outcomes
      await retryOnConflict(() => db.begin(async (tx) => {
        const orders = await lockKnownOrders(tx, incoming.map(result => result.orderId))
        // An unknown order is poison; it is left unclaimed so that a redrive is handled afresh.
        const known = incoming.filter(result => orders.has(result.orderId))
        for (const result of incoming) outcomes[result.index] = orders.has(result.orderId) ? DONE : poisoned(`unknown order ${result.orderId}`)
        const claimed = await claimMessages(tx, ORDERING, known.map(result => result.messageId))
        // delete(): a message delivered twice in one batch is applied once.
        await recordResults(tx, orders, known.filter(result => claimed.delete(result.messageId)))
      }))
      return outcomes
    },
  }
}

function parseResult({ message, payload }: Delivery, relative: (subject: string) => string): Omit<Incoming, 'index'> | Extract<Outcome, { poison: string }> | 'ignored' {
  const module = relative(message.subject).split('.')[0]
  const cause = (messageId: string) => ({ causationId: messageId, consumer: ORDERING, deliveryAttempt: message.info.deliveryCount })
  if (module === 'ordering') return 'ignored'
  if (module === 'payments') {
    const parsed = paymentResultMessage.safeParse(payload)
    if (!parsed.success) return { poison: `invalid payment result: ${parsed.error.issues[0]?.message}` }
    return { messageId: parsed.data.messageId, orderId: parsed.data.orderId, command: recordPaymentCommand(parsed.data), cause: cause(parsed.data.messageId) }
  }
  if (module === 'catalog') {
    const parsed = storeResultMessage.safeParse(payload)
    if (!parsed.success) return { poison: `invalid store result: ${parsed.error.issues[0]?.message}` }
    return { messageId: parsed.data.messageId, orderId: parsed.data.orderId, command: recordStoreCommand(parsed.data), cause: cause(parsed.data.messageId) }
  }
  return { poison: `unexpected subject ${message.subject}` }
}
