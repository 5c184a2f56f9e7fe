import type { OrderHeader, OrderStatus, PaymentStatus, RejectionReason, ShortLine, StoreStatus } from '../../../shared/types/order'
import type { Cents } from '../shared/money'
import { invalidTransition } from './errors'

// The order as a decider: events, evolve() folds them into state, decide() turns a command into new events.
// Pure: no I/O, no clock (time comes in on commands). Status words are the ones users see.

// The status words are shared with the app (shared/types/order.ts).
export type { OrderStatus, PaymentStatus, RejectionReason, ShortLine, StoreStatus }
export { ORDER_STATUSES } from '../../../shared/types/order'

export interface OrderLine {
  productId: string
  storeId: string
  storeName: string
  name: string
  quantity: number
  unitPriceCents: Cents
}

export type OrderEvent =
  | { type: 'OrderPlaced', data: { customerId: string, paymentId: string, lines: OrderLine[], totalCents: Cents, deadlineAt: string } }
  | { type: 'PaymentConfirmed', data: { paymentId: string } }
  | { type: 'PaymentRejected', data: { reason: 'NOT_ENOUGH_MONEY', authorizedCents: Cents, totalCents: Cents } }
  | { type: 'StoreConfirmed', data: { storeId: string } }
  | { type: 'StoreRejected', data: { storeId: string, reason: 'OUT_OF_STOCK', shortLines: ShortLine[] } }
  | { type: 'OrderAccepted', data: Record<string, never> }
  | { type: 'OrderRejected', data: { reason: RejectionReason } }
  | { type: 'OrderDelivered', data: Record<string, never> }
  | { type: 'OrderCancelled', data: { by: 'customer' | 'admin', previousStatus: OrderStatus } }

export type OrderEventType = OrderEvent['type']

export interface Rejection {
  reason: RejectionReason
  authorizedCents?: Cents
  totalCents?: Cents
  shortLines?: ShortLine[]
}

export interface Order extends OrderHeader {
  storeStatuses: Record<string, StoreStatus>
  lines: OrderLine[]
  totalCents: Cents
  rejection: Rejection | null
  version: number
  placedAt: string
  updatedAt: string
  deadlineAt: string
}

export type OrderCommand =
  | { type: 'RecordPayment', result: Extract<OrderEvent, { type: 'PaymentConfirmed' | 'PaymentRejected' }> }
  | { type: 'RecordStore', result: Extract<OrderEvent, { type: 'StoreConfirmed' | 'StoreRejected' }> }
  | { type: 'TimeOut', now: Date }
  | { type: 'Pay' }
  | { type: 'Cancel', by: 'customer' | 'admin' }

export function storeIdsOf(lines: OrderLine[]): string[] {
  return [...new Set(lines.map(line => line.storeId))]
}

export function totalOf(lines: OrderLine[]): Cents {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
}

function storesStatusOf(statuses: Record<string, StoreStatus>): StoreStatus {
  const values = Object.values(statuses)
  if (values.includes('OUT_OF_STOCK')) return 'OUT_OF_STOCK'
  return values.every(status => status === 'Stores_CONFIRMED') ? 'Stores_CONFIRMED' : 'pending'
}

/** Folds one event into the state. `at` is when the event was recorded. */
export function evolve(order: Order | undefined, event: OrderEvent, meta: { orderId: string, version: number, at: string }): Order {
  if (event.type === 'OrderPlaced') {
    const { customerId, paymentId, lines, totalCents, deadlineAt } = event.data
    return {
      id: meta.orderId,
      customerId,
      paymentId,
      status: 'pending',
      paymentStatus: 'pending',
      storesStatus: 'pending',
      storeStatuses: Object.fromEntries(storeIdsOf(lines).map(storeId => [storeId, 'pending' as StoreStatus])),
      lines,
      totalCents,
      rejection: null,
      version: meta.version,
      placedAt: meta.at,
      updatedAt: meta.at,
      deadlineAt,
    }
  }
  if (!order) throw new Error(`${event.type} before OrderPlaced`)
  const next: Order = { ...order, version: meta.version, updatedAt: meta.at }
  switch (event.type) {
    case 'PaymentConfirmed':
      return { ...next, paymentStatus: 'Payment_CONFIRMED' }
    case 'PaymentRejected':
      return { ...next, paymentStatus: 'NOT_ENOUGH_MONEY', rejection: { reason: 'NOT_ENOUGH_MONEY', authorizedCents: event.data.authorizedCents, totalCents: event.data.totalCents } }
    case 'StoreConfirmed':
    case 'StoreRejected': {
      const storeStatuses = { ...order.storeStatuses, [event.data.storeId]: event.type === 'StoreConfirmed' ? 'Stores_CONFIRMED' as const : 'OUT_OF_STOCK' as const }
      const rejection = event.type === 'StoreRejected' && !order.rejection
        ? { reason: 'OUT_OF_STOCK' as const, shortLines: event.data.shortLines }
        : event.type === 'StoreRejected' && order.rejection?.reason === 'OUT_OF_STOCK'
          ? { ...order.rejection, shortLines: [...(order.rejection.shortLines ?? []), ...event.data.shortLines] }
          : order.rejection
      return { ...next, storeStatuses, storesStatus: storesStatusOf(storeStatuses), rejection }
    }
    case 'OrderAccepted':
      return { ...next, status: 'accepted' }
    case 'OrderRejected':
      return { ...next, status: 'rejected', rejection: order.rejection?.reason === event.data.reason ? order.rejection : { reason: event.data.reason } }
    case 'OrderDelivered':
      return { ...next, status: 'delivered' }
    case 'OrderCancelled':
      return { ...next, status: 'cancelled' }
  }
}

/** What a person may still do to the order: the client shows the buttons, the server decides again on submit. */
export function availableActions(order: Order): { pay: boolean, cancel: boolean } {
  return { pay: canPay(order), cancel: canCancel(order) }
}

/** Only an accepted order is paid for. decide() holds to it. */
export const canPay = (order: Pick<Order, 'status'>) => order.status === 'accepted'
/**
 * Only an order still in play is cancelled: pending or accepted. A rejected one already gave its stock
 * back and voided its authorization, and a delivered or cancelled one is over. decide() holds to it.
 */
export const canCancel = (order: Pick<Order, 'status'>) => order.status === 'pending' || order.status === 'accepted'

/** Folds a whole stream; undefined for an empty one. */
export function fold(events: { event: OrderEvent, version: number, at: string }[], orderId: string): Order | undefined {
  return events.reduce<Order | undefined>((order, { event, version, at }) => evolve(order, event, { orderId, version, at }), undefined)
}

/** What a command on the current state produces. Duplicate or late results produce nothing. */
export function decide(command: OrderCommand, order: Order): OrderEvent[] {
  switch (command.type) {
    case 'RecordPayment': {
      if (order.status !== 'pending' || order.paymentStatus !== 'pending') return []
      if (command.result.type === 'PaymentRejected') return [command.result, { type: 'OrderRejected', data: { reason: 'NOT_ENOUGH_MONEY' } }]
      const storesDone = order.storesStatus === 'Stores_CONFIRMED'
      return storesDone ? [command.result, { type: 'OrderAccepted', data: {} }] : [command.result]
    }
    case 'RecordStore': {
      const { storeId } = command.result.data
      if (order.status !== 'pending' || order.storeStatuses[storeId] !== 'pending') return []
      if (command.result.type === 'StoreRejected') return [command.result, { type: 'OrderRejected', data: { reason: 'OUT_OF_STOCK' } }]
      const othersDone = Object.entries(order.storeStatuses).every(([id, status]) => id === storeId || status === 'Stores_CONFIRMED')
      const paid = order.paymentStatus === 'Payment_CONFIRMED'
      return othersDone && paid ? [command.result, { type: 'OrderAccepted', data: {} }] : [command.result]
    }
    case 'TimeOut':
      if (order.status !== 'pending' || command.now.getTime() < Date.parse(order.deadlineAt)) return []
      return [{ type: 'OrderRejected', data: { reason: 'TIMED_OUT' } }]
    case 'Pay':
      if (!canPay(order)) throw invalidTransition(order.status, 'paid')
      return [{ type: 'OrderDelivered', data: {} }]
    case 'Cancel':
      if (!canCancel(order)) throw invalidTransition(order.status, 'cancelled')
      return [{ type: 'OrderCancelled', data: { by: command.by, previousStatus: order.status } }]
  }
}
