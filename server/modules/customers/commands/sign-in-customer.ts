import type { Sql } from '../../../platform/db'
import { verifyNothing, verifyPassword } from '../../../platform/passwords'
import { selectSignIn } from '../adapters/customers.pg'
import { normalizePhone } from '../customer'
import { wrongCredentials } from '../errors'
import type { CustomerCredentials } from '../schemas'
import { customerView } from '../view'

/**
 * The customer who signs in with this phone and password. Every failure (malformed or unknown phone,
 * an account without a password, a wrong password) is the same UNAUTHENTICATED after the same work.
 */
export async function signInCustomer(db: Sql, credentials: CustomerCredentials) {
  const phone = normalizePhone(credentials.phone)
  const account = phone === undefined ? undefined : await selectSignIn(db, phone)
  const matches = account ? await verifyPassword(account.passwordHash, credentials.password) : await verifyNothing(credentials.password)
  if (!account || !matches) throw wrongCredentials()
  return customerView(account)
}
