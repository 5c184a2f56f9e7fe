import type { OrderStatus, OrderView, PaymentStatus, RejectionView, StoreStatus } from '#shared/types/order'
import { formatEuros } from './format'

// What a shopper reads about an order, in one place. The raw codes (Payment_CONFIRMED, OUT_OF_STOCK)
// stay in the API, the admin's tables and the event log; pages for shoppers take their words from here.

type Tone = 'success' | 'info' | 'warn' | 'danger' | 'secondary' | 'contrast'

/** A status as a shopper reads it: a short label for a tag, and the colour of that tag. */
export interface ShopperStatus {
  label: string
  tone: Tone
}

const ORDER_WORDS: Record<OrderStatus, ShopperStatus> = {
  pending: { label: 'Being confirmed', tone: 'info' },
  accepted: { label: 'Accepted', tone: 'success' },
  rejected: { label: 'Not accepted', tone: 'danger' },
  delivered: { label: 'Paid', tone: 'contrast' },
  cancelled: { label: 'Cancelled', tone: 'warn' },
}

export const orderStatusWords = (status: OrderStatus): ShopperStatus => ORDER_WORDS[status]

/** One sentence under the status: where the order stands and what comes next. */
export function orderStatusSentence(order: Pick<OrderView, 'status'>): string {
  switch (order.status) {
    case 'pending': return 'The payment and each store are confirming your order. This page updates by itself.'
    case 'accepted': return 'Every store has your items set aside. Pay to complete the order.'
    case 'rejected': return 'Nothing was charged and the items went back on the shelves.'
    case 'delivered': return 'Paid. Thank you for shopping at Plaza.'
    case 'cancelled': return 'Cancelled. Nothing was charged and the items went back on the shelves.'
  }
}

/** Still waiting on an answer only while the order is pending; once it is settled, nobody asks any more. */
const settled = (order: Pick<OrderView, 'status'>) => order.status !== 'pending'

const NOT_ASKED: ShopperStatus = { label: 'Not asked', tone: 'secondary' }

export function paymentWords(status: PaymentStatus, order: Pick<OrderView, 'status'>): ShopperStatus {
  switch (status) {
    case 'pending': return settled(order) ? NOT_ASKED : { label: 'Checking', tone: 'info' }
    case 'Payment_CONFIRMED': return { label: 'Approved', tone: 'success' }
    case 'NOT_ENOUGH_MONEY': return { label: 'Declined', tone: 'danger' }
  }
}

/** A store's answer; a store still "pending" on a settled order was never asked (or asked too late to count). */
export function storeWords(status: StoreStatus, order: Pick<OrderView, 'status'>): ShopperStatus {
  switch (status) {
    case 'pending': return settled(order) ? NOT_ASKED : { label: 'Checking stock', tone: 'info' }
    case 'Stores_CONFIRMED': return { label: 'In stock', tone: 'success' }
    case 'OUT_OF_STOCK': return { label: 'Out of stock', tone: 'danger' }
  }
}

/** Why an order was not accepted, in plain words. */
export function rejectionWords(rejection: RejectionView | null): string {
  if (!rejection) return ''
  switch (rejection.reason) {
    case 'OUT_OF_STOCK': {
      const lines = rejection.shortLines ?? []
      if (!lines.length) return 'A store did not have enough of an item.'
      const short = lines.map(line => (line.available === 0
        ? `${line.name}: you asked for ${line.requested}, none left`
        : `${line.name}: you asked for ${line.requested}, only ${line.available} left`))
      return `Not enough in stock. ${short.join('; ')}.`
    }
    case 'NOT_ENOUGH_MONEY':
      return rejection.authorized !== undefined && rejection.total !== undefined
        ? `The payment was declined: you authorized ${formatEuros(rejection.authorized)} but the order comes to ${formatEuros(rejection.total)}.`
        : 'The payment was declined: the amount you authorized did not cover the order.'
    case 'TIMED_OUT':
      return 'The stores or the payment did not answer in time, so the order was called off.'
  }
}

/** What a basket line no longer agrees on with the catalog, as the basket shows it. */
export function lineProblemWords(problem: { kind: 'gone' } | { kind: 'price', price: number } | { kind: 'stock', stock: number }): string {
  switch (problem.kind) {
    case 'gone': return 'No longer on sale'
    case 'price': return `Price is now ${formatEuros(problem.price)}`
    case 'stock': return problem.stock === 0 ? 'Out of stock: the store cannot fill this line' : `Only ${problem.stock} in stock: lower the quantity or the store will refuse it`
  }
}
