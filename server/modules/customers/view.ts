import type { CustomerSummaryView, CustomerView, PasskeyView } from '../../../shared/types/customer'
import type { Customer } from './customer'
import type { Passkey } from './passkey'

export type { CustomerSummaryView, CustomerView, PasskeyView }

/** A customer as the HTTP API shows it: the date as an ISO string. */
export function customerView(customer: Customer): CustomerView {
  return { id: customer.id, name: customer.name, phone: customer.phone, createdAt: customer.createdAt.toISOString() }
}

/** A customer in the admin's list, with the counts other modules keep for them. */
export function customerSummaryView(customer: Customer & { orderCount: number, paymentCount: number }): CustomerSummaryView {
  return { ...customerView(customer), orderCount: customer.orderCount, paymentCount: customer.paymentCount }
}

export function passkeyView(passkey: Passkey): PasskeyView {
  return { id: passkey.id, backedUp: passkey.backedUp, createdAt: passkey.createdAt.toISOString(), lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null }
}
