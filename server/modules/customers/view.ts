import type { CustomerSummaryView, CustomerView } from '../../../shared/types/customer'
import type { Customer } from './customer'

export type { CustomerSummaryView, CustomerView }

/** A customer as the HTTP API shows it: the date as an ISO string. */
export function customerView(customer: Customer): CustomerView {
  return { id: customer.id, name: customer.name, phone: customer.phone, createdAt: customer.createdAt.toISOString() }
}

/** A customer in the admin's list, with the counts other modules keep for them. */
export function customerSummaryView(customer: Customer & { orderCount: number, paymentCount: number }): CustomerSummaryView {
  return { ...customerView(customer), orderCount: customer.orderCount, paymentCount: customer.paymentCount }
}
