import type { Sql } from '../../../platform/db'
import { hashPassword } from '../../../platform/passwords'
import { insertCustomer } from '../adapters/customers.pg'
import { isUniqueViolation, phoneTaken } from '../errors'
import type { CustomerInput } from '../schemas'
import { customerView } from '../view'

/** A new customer with a password; the route signs them in. A phone already used to sign in is a conflict. */
export async function registerCustomer(db: Sql, input: CustomerInput) {
  const passwordHash = await hashPassword(input.password)
  try {
    return customerView(await insertCustomer(db, { name: input.name, phone: input.phone, passwordHash }))
  }
  catch (error) {
    if (isUniqueViolation(error)) throw phoneTaken()
    throw error
  }
}
