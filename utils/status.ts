/** Orders, events, customers and payments as the API sends them (dates arrive as ISO strings). */
export type OrderStatus = 'pending' | 'accepted' | 'rejected' | 'delivered' | 'cancelled'
export type PaymentStatus = 'pending' | 'Payment_CONFIRMED' | 'NOT_ENOUGH_MONEY'
export type StoresStatus = 'pending' | 'Stores_CONFIRMED' | 'OUT_OF_STOCK'

export interface ShortLine { productId: string, name: string, requested: number, available: number }

export interface Order {
  id: string
  customerId: string
  paymentId: string
  status: OrderStatus
  paymentStatus: PaymentStatus
  storesStatus: StoresStatus
  stores: { storeId: string, storeName: string, status: StoresStatus }[]
  lines: { productId: string, storeId: string, storeName: string, name: string, quantity: number, unitPrice: number, lineTotal: number }[]
  total: number
  rejection: null | { reason: 'NOT_ENOUGH_MONEY' | 'OUT_OF_STOCK' | 'TIMED_OUT', authorized?: number, total?: number, shortLines?: ShortLine[] }
  version: number
  placedAt: string
  updatedAt: string
  deadlineAt: string
}

export const ORDER_STATUSES: OrderStatus[] = ['pending', 'accepted', 'rejected', 'delivered', 'cancelled']
export const EVENT_TYPES = ['OrderPlaced', 'PaymentConfirmed', 'PaymentRejected', 'StoreConfirmed', 'StoreRejected', 'OrderAccepted', 'OrderRejected', 'OrderDelivered', 'OrderCancelled'] as const

export interface OrderEvent {
  position: number
  orderId: string
  version: number
  type: (typeof EVENT_TYPES)[number]
  data: Record<string, unknown>
  messageId: string | null
  causationId: string | null
  consumer: string | null
  deliveryAttempt: number | null
  createdAt: string
}

export interface Page<T> { total: number, page: number, pageSize: number, items: T[] }

export interface Customer { id: string, name: string, phone: string, createdAt: string }
export interface CustomerSummary extends Customer { orderCount: number, paymentCount: number }

export interface Payment {
  id: string
  customerId: string
  amount: number
  status: 'authorized' | 'captured' | 'voided'
  orderId: string | null
  createdAt: string
  updatedAt: string
}

/** Orders that can still change on their own (the pipeline decides them); the rest wait for a person. */
export const isSettling = (order: Pick<Order, 'status'>) => order.status === 'pending'
/** Orders worth watching live: pending ones settle, accepted ones may be paid or cancelled elsewhere. */
export const isLive = (order: Pick<Order, 'status'>) => order.status === 'pending' || order.status === 'accepted'
export const canPay = (order: Pick<Order, 'status'>) => order.status === 'accepted'
export const canCancel = (order: Pick<Order, 'status'>) => ['pending', 'accepted', 'rejected'].includes(order.status)

type Severity = 'success' | 'info' | 'warn' | 'danger' | 'secondary' | 'contrast'

/** One colour per word, everywhere a status is shown. */
export function statusSeverity(status: string): Severity {
  switch (status) {
    case 'accepted':
    case 'Payment_CONFIRMED':
    case 'Stores_CONFIRMED':
    case 'captured':
      return 'success'
    case 'delivered':
      return 'contrast'
    case 'rejected':
    case 'NOT_ENOUGH_MONEY':
    case 'OUT_OF_STOCK':
    case 'OrderRejected':
    case 'PaymentRejected':
    case 'StoreRejected':
      return 'danger'
    case 'cancelled':
    case 'voided':
    case 'OrderCancelled':
      return 'warn'
    case 'OrderAccepted':
    case 'PaymentConfirmed':
    case 'StoreConfirmed':
    case 'OrderDelivered':
      return 'success'
    case 'pending':
    case 'authorized':
      return 'info'
    default:
      return 'secondary'
  }
}

/** Why an order was rejected, in the customer's words. */
export function rejectionText(rejection: Order['rejection']): string {
  if (!rejection) return ''
  switch (rejection.reason) {
    case 'OUT_OF_STOCK': {
      const lines = rejection.shortLines ?? []
      if (!lines.length) return 'Out of stock'
      return `Out of stock: ${lines.map(line => `${line.name} (asked ${line.requested}, ${line.available} left)`).join(', ')}`
    }
    case 'NOT_ENOUGH_MONEY':
      return rejection.authorized !== undefined && rejection.total !== undefined
        ? `Not enough money: authorized ${formatEuros(rejection.authorized)} of ${formatEuros(rejection.total)}`
        : 'Not enough money'
    case 'TIMED_OUT':
      return 'No answer in time'
  }
}

/** The first block of a UUID: enough to tell orders apart on screen. */
export const shortId = (id: string) => id.slice(0, 8)

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false, timeZone: 'UTC' })

/**
 * Dates in UTC with a fixed locale: the server and the browser render the same text, so hydration
 * matches whatever the visitor's time zone is.
 */
export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' })
/** The two halves of a date for narrow table cells: "29 Nov 2026" over "16:14:55 UTC". */
export const formatDay = (iso: string) => day.format(new Date(iso))
export const formatClock = (iso: string) => `${clock.format(new Date(iso))} UTC`
export const formatTime = (iso: string) => time.format(new Date(iso))

/** The customer's and the admin's order commands. Each returns the new state or throws the API error. */
export function useOrderCommands() {
  return {
    pay: (id: string) => $fetch<Order>(`/api/orders/${id}/pay`, { method: 'POST' }),
    cancel: (id: string) => $fetch<Order>(`/api/orders/${id}/cancel`, { method: 'POST' }),
  }
}

export interface PipelineHealth {
  stream: string
  natsReachable: boolean
  consumers: { name: string, durable: string, exists: boolean, pending: number, inFlight: number, redelivered: number }[]
  outbox: { unpublished: number, oldestSeconds: number | null }
  deadLetters: { id: string, consumer: string, subject: string, messageId: string, payload: unknown, reason: string, deliveries: number, createdAt: string, redrivenAt: string | null }[]
}
