import type { z } from 'zod'
import type { Db } from '../../server/platform/db'
import { storeResultMessage } from '../../server/modules/catalog'
import { applyResults, type ResultDelivery } from '../../server/modules/ordering'
import { paymentResultMessage } from '../../server/modules/payments'
import type { ConsumerSpec, Delivery } from '../runtime/consumer'
import { parseEach } from '../runtime/parse-each'

/** The results ordering hears, by the module that publishes them (the subject's first part). */
const RESULTS: Record<string, { schema: z.ZodType<ResultDelivery['message']>, what: string }> = {
  payments: { schema: paymentResultMessage, what: 'invalid payment result' },
  catalog: { schema: storeResultMessage, what: 'invalid store result' },
}

/** Hears the payments' and the stores' answers; the ordering module applies them to their orders. */
export function orderingConsumer(db: Db, relative: (subject: string) => string): ConsumerSpec {
  const schemaOf = ({ message }: Delivery) => RESULTS[relative(message.subject).split('.')[0]!] ?? { poison: `unexpected subject ${message.subject}` }
  return {
    name: 'ordering',
    // Its own events come back through its filter (all of the stream); it acts on results only.
    skips: subject => subject.startsWith('ordering.'),
    handleBatch: deliveries => parseEach(deliveries, schemaOf,
      valid => applyResults(db, valid.map(({ message, delivery }) => ({ message, deliveryAttempt: delivery.message.info.deliveryCount })))),
  }
}
