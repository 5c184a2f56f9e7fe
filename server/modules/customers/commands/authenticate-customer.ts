import type { Sql } from '../../../platform/db'
import { uuid } from '../../shared/text'
import { selectCustomerByCredentials } from '../adapters/customers.pg'
import { normalizePhone } from '../customer'
import { unknownCredentials } from '../errors'
import type { CustomerCredentials } from '../schemas'
import { customerView } from '../view'

/** The customer these credentials belong to; any mismatch, malformed values included, is the same UNAUTHENTICATED. */
export async function authenticateCustomer(db: Sql, credentials: CustomerCredentials) {
  const phone = normalizePhone(credentials.phone)
  if (phone === undefined || !uuid.safeParse(credentials.customerId).success) throw unknownCredentials()
  const customer = await selectCustomerByCredentials(db, credentials.customerId, phone)
  if (!customer) throw unknownCredentials()
  return customerView(customer)
}
