import type { Db, Tx } from '../../../platform/db'
import { claimMessages } from '../../../platform/inbox'
import { enqueue, type OutgoingMessage } from '../../../platform/outbox'
import type { OrderMessage, OrderOutcomeMessage, OrderPlacedMessage } from '../../ordering'
import { derivedId } from '../../shared/ids'
import { DONE, dueIn, type MessageOutcome } from '../../shared/messages'
import { STORE_SUBJECTS } from '../messages'
import { storeConfirmDelays } from '../queries/stores'
import { commitOrderStock, releaseOrderStock } from './release-or-commit-stock'
import { lockStockFor, reserveStores, type ReservationOutcome, type StoreReservation } from './reserve-stores'

/** The catalog consumer's name in the inbox. */
const CONSUMER = 'catalog'

/** One store's due share of a placed order; `resultId` (derived from the message and the store) is its inbox key and its answer's id. */
type DueStore = StoreReservation & { resultId: string, placed: OrderPlacedMessage }

/**
 * The stores' answer to what happens to orders. Each store of a placed order, once its own delay has
 * passed, reserves all its lines or none and publishes the outcome, exactly once (its inbox key is
 * derived from the message and the store). A rejected or cancelled order's stock goes back on the
 * shelf; a delivered one's is sold for good. What is due is handled in one transaction; a placed order
 * with a store not due yet asks to come back when the next one is.
 */
export async function confirmOrReleaseStores(db: Db, messages: OrderMessage[], defaultDelayMs: number, now = Date.now()): Promise<MessageOutcome[]> {
  const placed = messages.filter(message => message.type === 'OrderPlaced')
  const storeIds = [...new Set(placed.flatMap(message => message.lines.map(line => line.storeId)))]
  const delays = storeIds.length > 0 ? await storeConfirmDelays(db, storeIds) : new Map<string, number>()
  const dueStores: DueStore[] = []
  const closings: OrderOutcomeMessage[] = []
  const outcomes = messages.map((message): MessageOutcome => {
    if (message.type === 'OrderAccepted') return DONE
    if (message.type !== 'OrderPlaced') {
      closings.push(message)
      return DONE
    }
    const { due, nextDueInMs } = dueStoresOf(message, store => delays.get(store) ?? defaultDelayMs, now)
    dueStores.push(...due)
    return Number.isFinite(nextDueInMs) ? { retryInMs: nextDueInMs } : DONE
  })
  if (dueStores.length > 0 || closings.length > 0) await db.begin(tx => applyAll(tx, closings, dueStores))
  return outcomes
}

/** The stores of a placed order whose delay has passed, and how long until the next one is due. */
function dueStoresOf(placed: OrderPlacedMessage, delayOf: (storeId: string) => number, now: number) {
  const due: DueStore[] = []
  let nextDueInMs = Number.POSITIVE_INFINITY
  for (const storeId of new Set(placed.lines.map(line => line.storeId))) {
    const wait = dueIn(placed.occurredAt, delayOf(storeId), now)
    if (wait > 0) nextDueInMs = Math.min(nextDueInMs, wait)
    else due.push({ orderId: placed.orderId, storeId, lines: placed.lines.filter(line => line.storeId === storeId), resultId: derivedId(placed.messageId, storeId), placed })
  }
  return { due, nextDueInMs }
}

/**
 * Closings go first: a reservation for an order that closes in the same batch is then skipped,
 * as it would be had it come later. `delete()` applies a message delivered twice in a batch once.
 * Every product the batch may change is locked before anything else (see `lockStockFor`).
 */
async function applyAll(tx: Tx, closings: OrderOutcomeMessage[], dueStores: DueStore[]) {
  await lockStockFor(tx, dueStores, closings.map(message => message.orderId))
  const claimed = await claimMessages(tx, CONSUMER, [...closings.map(message => message.messageId), ...dueStores.map(store => store.resultId)])
  for (const message of closings) {
    if (!claimed.delete(message.messageId)) continue
    if (message.type === 'OrderDelivered') await commitOrderStock(tx, message.orderId)
    else await releaseOrderStock(tx, message.orderId)
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
