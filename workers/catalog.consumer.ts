import type { Db, Tx } from '../server/platform/db'
import { claimMessages } from '../server/platform/inbox'
import { enqueue, type OutgoingMessage } from '../server/platform/outbox'
import { commitOrderStock, lockStockFor, releaseOrderStock, reserveStores, STORE_SUBJECTS, storeConfirmDelays, type ReservationOutcome, type StoreReservation } from '../server/modules/catalog'
import { ORDER_SUBJECTS, orderMessage, type OrderOutcomeMessage, type OrderPlacedMessage } from '../server/modules/ordering/messages'
import { derivedId } from '../server/modules/shared/ids'
import { DONE, poisoned, type ConsumerSpec, type Outcome } from './consumer'
import { dueIn } from './due'

export const CATALOG = 'catalog'

/** One store's due share of a placed order; `resultId` (derived from the message and the store) is its inbox key. */
type DueStore = StoreReservation & { resultId: string, placed: OrderPlacedMessage }
/** Rejected, cancelled (release) or delivered (commit). */
type Closing = OrderOutcomeMessage

/**
 * For each store of a placed order, once that store's delay has passed, reserves all its lines or
 * none and reports the outcome. Each store is handled once: its inbox id is derived from the
 * message id and the store id. Releases stock when an order ends unpaid, commits it when paid.
 * The due work of a batch runs in one transaction.
 */
export function catalogConsumer(db: Db, defaultDelayMs: number): ConsumerSpec {
  return {
    name: CATALOG,
    skips: subject => subject === ORDER_SUBJECTS.OrderAccepted,
    async handleBatch(deliveries) {
      const events = deliveries.map(({ payload }) => orderMessage.safeParse(payload))
      const placed = events.flatMap(parsed => parsed.success && parsed.data.type === 'OrderPlaced' ? [parsed.data] : [])
      const storeIds = [...new Set(placed.flatMap(event => event.lines.map(line => line.storeId)))]
      const delays = storeIds.length > 0 ? await storeConfirmDelays(db, storeIds) : new Map<string, number>()
      const dueStores: DueStore[] = []
      const closings: Closing[] = []
      const outcomes = events.map((parsed): Outcome => {
        if (!parsed.success) return poisoned(`not an ordering message: ${parsed.error.issues[0]?.message}`)
        const event = parsed.data
        if (event.type === 'OrderAccepted') return DONE
        if (event.type !== 'OrderPlaced') {
          closings.push(event)
          return DONE
        }
        const { due, nextDueInMs } = dueStoresOf(event, store => delays.get(store) ?? defaultDelayMs)
        dueStores.push(...due)
        return Number.isFinite(nextDueInMs) ? { retryInMs: nextDueInMs } : DONE
      })
      if (dueStores.length > 0 || closings.length > 0) await db.begin(tx => applyAll(tx, closings, dueStores))
      return outcomes
    },
  }
}

/** The stores of a placed order whose delay has passed, and how long until the next one is due. */
function dueStoresOf(event: OrderPlacedMessage, delayOf: (storeId: string) => number) {
  const due: DueStore[] = []
  let nextDueInMs = Number.POSITIVE_INFINITY
  for (const storeId of new Set(event.lines.map(line => line.storeId))) {
    const wait = dueIn(event.occurredAt, delayOf(storeId))
    if (wait > 0) nextDueInMs = Math.min(nextDueInMs, wait)
    else due.push({ orderId: event.orderId, storeId, lines: event.lines.filter(line => line.storeId === storeId), resultId: derivedId(event.messageId, storeId), placed: event })
  }
  return { due, nextDueInMs }
}

/**
 * Closings go first: a reservation for an order that closes in the same batch is then skipped,
 * as it would be had it come later. `delete()` applies a message delivered twice in a batch once.
 * Every product the batch may change is locked before anything else (see `lockStockFor`).
 */
async function applyAll(tx: Tx, closings: Closing[], dueStores: DueStore[]) {
  await lockStockFor(tx, dueStores, closings.map(event => event.orderId))
  const claimed = await claimMessages(tx, CATALOG, [...closings.map(event => event.messageId), ...dueStores.map(store => store.resultId)])
  for (const event of closings) {
    if (!claimed.delete(event.messageId)) continue
    if (event.type === 'OrderDelivered') await commitOrderStock(tx, event.orderId)
    else await releaseOrderStock(tx, event.orderId)
  }
  const toReserve = dueStores.filter(store => claimed.delete(store.resultId))
  const reservations = await reserveStores(tx, toReserve)
  await enqueue(tx, toReserve.flatMap((store, index) => storeResult(store, reservations[index]!)))
}

function storeResult(store: DueStore, reservation: ReservationOutcome): OutgoingMessage[] {
  if (reservation.outcome === 'skipped') return []
  const base = { messageId: store.resultId, orderId: store.orderId, occurredAt: new Date().toISOString(), causationId: store.placed.messageId, storeId: store.storeId }
  const payload = reservation.outcome === 'confirmed'
    ? { ...base, type: 'StoreConfirmed' as const }
    : { ...base, type: 'StoreRejected' as const, reason: 'OUT_OF_STOCK' as const, shortLines: reservation.shortLines }
  return [{ id: store.resultId, subject: STORE_SUBJECTS[payload.type], payload }]
}
