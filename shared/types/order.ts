// An order and its events as the HTTP API sends them (euros, ISO dates). The status words are the
// domain's own: server/modules/ordering/order.ts takes them from here.

export const ORDER_STATUSES = ['pending', 'accepted', 'rejected', 'delivered', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type PaymentStatus = 'pending' | 'Payment_CONFIRMED' | 'NOT_ENOUGH_MONEY'
export type StoreStatus = 'pending' | 'Stores_CONFIRMED' | 'OUT_OF_STOCK'
export type RejectionReason = 'NOT_ENOUGH_MONEY' | 'OUT_OF_STOCK' | 'TIMED_OUT'

export const ORDER_EVENT_TYPES = [
  'OrderPlaced', 'PaymentConfirmed', 'PaymentRejected', 'StoreConfirmed', 'StoreRejected',
  'OrderAccepted', 'OrderRejected', 'OrderDelivered', 'OrderCancelled',
] as const
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number]

/** A line a store could not fill: what was asked and what it had left. */
export interface ShortLine {
  productId: string
  name: string
  requested: number
  available: number
}

export interface OrderLineView {
  productId: string
  storeId: string
  storeName: string
  name: string
  quantity: number
  unitPrice: number
  lineTotal: number
}

export interface RejectionView {
  reason: RejectionReason
  authorized?: number
  total?: number
  shortLines?: ShortLine[]
}

/** What a person may still do with the order; the server decides again when it is asked. */
export interface OrderActions {
  pay: boolean
  cancel: boolean
}

/** Who an order belongs to, what pays for it, and where it stands: the same on the server and in the API. */
export interface OrderHeader {
  id: string
  customerId: string
  paymentId: string
  status: OrderStatus
  paymentStatus: PaymentStatus
  storesStatus: StoreStatus
}

export interface OrderView extends OrderHeader {
  stores: { storeId: string, storeName: string, status: StoreStatus }[]
  lines: OrderLineView[]
  total: number
  rejection: RejectionView | null
  actions: OrderActions
  version: number
  placedAt: string
  updatedAt: string
  deadlineAt: string
}

/** One event of the log; `data` is the event's own payload, in cents as stored. */
export interface EventView {
  position: number
  orderId: string
  version: number
  type: OrderEventType
  data: Record<string, unknown>
  messageId: string
  causationId: string | null
  consumer: string | null
  deliveryAttempt: number | null
  createdAt: string
}
