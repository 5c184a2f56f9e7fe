import type { OrderView, RejectionView } from '#shared/types/order'
import { formatEuros } from './format'

type Severity = 'success' | 'info' | 'warn' | 'danger' | 'secondary' | 'contrast'

/** One colour per word, everywhere a status or an event type is shown. */
export function statusSeverity(status: string): Severity {
  switch (status) {
    case 'accepted':
    case 'Payment_CONFIRMED':
    case 'Stores_CONFIRMED':
    case 'captured':
    case 'OrderAccepted':
    case 'PaymentConfirmed':
    case 'StoreConfirmed':
    case 'OrderDelivered':
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
    case 'pending':
    case 'authorized':
      return 'info'
    default:
      return 'secondary'
  }
}

/** Why an order was rejected, in the customer's words. */
export function rejectionText(rejection: RejectionView | null): string {
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

/** Orders worth watching live: pending ones settle, accepted ones may be paid or cancelled elsewhere. */
export const isLive = (order: Pick<OrderView, 'status'>) => order.status === 'pending' || order.status === 'accepted'
