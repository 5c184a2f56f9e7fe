import type { Db, Sql } from '../server/platform/db'
import { claimMessage } from '../server/platform/inbox'
import { enqueue } from '../server/platform/outbox'
import { commitOrderStock, releaseOrderStock, reserveStoreLines, STORE_SUBJECTS, storeConfirmDelays } from '../server/modules/catalog'
import { orderMessage, type OrderPlacedMessage } from '../server/modules/ordering/messages'
import { derivedId } from '../server/modules/shared/ids'
import { DONE, PoisonMessage, type ConsumerSpec } from './consumer'
import { dueIn } from './due'

export const CATALOG = 'catalog'

/**
 * For each store of a placed order, once that store's delay has passed, reserves all its lines or
 * none and reports the outcome. Each store is handled once: its inbox id is derived from the
 * message id and the store id. Releases stock when an order ends unpaid, commits it when paid.
 */
export function catalogConsumer(db: Db, defaultDelayMs: number): ConsumerSpec {
  return {
    name: CATALOG,
    async handle(_message, payload) {
      const parsed = orderMessage.safeParse(payload)
      if (!parsed.success) throw new PoisonMessage(`not an ordering message: ${parsed.error.issues[0]?.message}`)
      const event = parsed.data
      switch (event.type) {
        case 'OrderPlaced':
          return reserveDueStores(db, event, defaultDelayMs)
        case 'OrderRejected':
        case 'OrderCancelled':
          await once(db, event.messageId, tx => releaseOrderStock(tx, event.orderId))
          return DONE
        case 'OrderDelivered':
          await once(db, event.messageId, tx => commitOrderStock(tx, event.orderId))
          return DONE
        case 'OrderAccepted':
          return DONE
      }
    },
  }
}

async function once(db: Db, messageId: string, effect: (tx: Sql) => Promise<unknown>) {
  await db.begin(async (tx) => {
    if (await claimMessage(tx, CATALOG, messageId)) await effect(tx)
  })
}

async function reserveDueStores(db: Db, event: OrderPlacedMessage, defaultDelayMs: number) {
  const storeIds = [...new Set(event.lines.map(line => line.storeId))]
  const delays = await storeConfirmDelays(db, storeIds)
  let nextDue = Number.POSITIVE_INFINITY
  for (const storeId of storeIds) {
    const wait = dueIn(event.occurredAt, delays.get(storeId) ?? defaultDelayMs)
    if (wait > 0) {
      nextDue = Math.min(nextDue, wait)
      continue
    }
    const resultId = derivedId(event.messageId, storeId)
    await db.begin(async (tx) => {
      if (!(await claimMessage(tx, CATALOG, resultId))) return
      const lines = event.lines.filter(line => line.storeId === storeId)
      const reservation = await reserveStoreLines(tx, event.orderId, storeId, lines)
      if (reservation.outcome === 'skipped') return
      const base = { messageId: resultId, orderId: event.orderId, occurredAt: new Date().toISOString(), causationId: event.messageId, storeId }
      const payload = reservation.outcome === 'confirmed'
        ? { ...base, type: 'StoreConfirmed' as const }
        : { ...base, type: 'StoreRejected' as const, reason: 'OUT_OF_STOCK' as const, shortLines: reservation.shortLines }
      await enqueue(tx, [{ id: resultId, subject: STORE_SUBJECTS[payload.type], payload }])
    })
  }
  return Number.isFinite(nextDue) ? { retryInMs: nextDue } : DONE
}
