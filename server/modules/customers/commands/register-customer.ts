import type { Sql } from '../../../platform/db'
import { insertCustomer } from '../adapters/customers.pg'
import type { CustomerInput } from '../schemas'
import { customerView } from '../view'

/** A new customer; the route signs them in. Two customers may share a phone (a household): the id tells them apart. */
export async function registerCustomer(db: Sql, input: CustomerInput) {
  return customerView(await insertCustomer(db, input))
}
