import type { Db } from '../../server/platform/db'
import { confirmOrReleaseStores } from '../../server/modules/catalog'
import { ORDER_SUBJECTS, orderMessage } from '../../server/modules/ordering'
import type { ConsumerSpec } from '../runtime/consumer'
import { parseEach } from '../runtime/parse-each'

/** Hears what happens to orders; the catalog module reserves, releases and commits each store's stock. */
export function catalogConsumer(db: Db, defaultDelayMs: number): ConsumerSpec {
  return {
    name: 'catalog',
    skips: subject => subject === ORDER_SUBJECTS.OrderAccepted,
    handleBatch: deliveries => parseEach(deliveries, () => ({ schema: orderMessage, what: 'not an ordering message' }),
      valid => confirmOrReleaseStores(db, valid.map(({ message }) => message), defaultDelayMs)),
  }
}
