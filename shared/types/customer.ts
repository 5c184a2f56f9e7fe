// Customers and their payment authorizations as the HTTP API sends them.

export interface CustomerView {
  id: string
  name: string
  /** Normalized: digits with an optional leading +. */
  phone: string
  createdAt: string
}

/** A customer in the admin's list, with how many orders and authorizations they have. */
export interface CustomerSummaryView extends CustomerView {
  orderCount: number
  paymentCount: number
}

export type AuthorizationStatus = 'authorized' | 'captured' | 'voided'

export interface PaymentView {
  id: string
  customerId: string
  /** Euros. */
  amount: number
  status: AuthorizationStatus
  /** The order it funds, once claimed. */
  orderId: string | null
  createdAt: string
  updatedAt: string
}

/** A passkey as its owner sees it on the account page: never the key itself. */
export interface PasskeyView {
  id: string
  backedUp: boolean
  createdAt: string
  lastUsedAt: string | null
}
