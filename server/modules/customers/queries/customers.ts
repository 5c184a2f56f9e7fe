import type { Sql } from '../../../platform/db'
import { selectCustomer, selectCustomers } from '../adapters/customers.pg'
import type { Customer } from '../customer'
import { customerNotFound } from '../errors'
import { customerSummaryView, customerView, type CustomerSummaryView } from '../view'

export async function getCustomer(db: Sql, id: string) {
  const customer = await selectCustomer(db, id)
  if (!customer) throw customerNotFound()
  return customerView(customer)
}

/**
 * A count that another module keeps per customer (payments, orders), keyed by customer id. Passed in
 * rather than joined, because a module never reads another module's tables.
 */
export type CountPerCustomer = (db: Sql, customerIds: string[]) => Promise<Map<string, number>>

/** Every customer, with how many orders and authorizations each has (counted by those modules). */
export async function listCustomers(db: Sql, counters: Record<'orderCount' | 'paymentCount', CountPerCustomer>): Promise<CustomerSummaryView[]> {
  const customers = await selectCustomers(db)
  const ids = customers.map(customer => customer.id)
  const columns: [string, Map<string, number>][] = []
  for (const [key, count] of Object.entries<CountPerCustomer>(counters)) columns.push([key, await count(db, ids)])
  return customers.map(customer => customerSummaryView({
    ...customer,
    ...Object.fromEntries(columns.map(([key, byCustomer]) => [key, byCustomer.get(customer.id) ?? 0])),
  } as Customer & Record<'orderCount' | 'paymentCount', number>))
}
