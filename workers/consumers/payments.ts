import type { Db } from '../../server/platform/db'
import { ORDER_SUBJECTS, orderMessage } from '../../server/modules/ordering'
import { settleOrderPayments } from '../../server/modules/payments'
import type { ConsumerSpec } from '../runtime/consumer'
import { parseEach } from '../runtime/parse-each'

/** Hears what happens to orders; the payments module confirms, rejects, voids and captures. */
export function paymentsConsumer(db: Db, delayMs: number): ConsumerSpec {
  return {
    name: 'payments',
    skips: subject => subject === ORDER_SUBJECTS.OrderAccepted,
    handleBatch: deliveries => parseEach(deliveries, () => ({ schema: orderMessage, what: 'not an ordering message' }),
      valid => settleOrderPayments(db, valid.map(({ message }) => message), delayMs)),
  }
}
