import type { Sql } from '../../../platform/db'
import { selectPasskeys } from '../adapters/passkeys.pg'
import { passkeyView } from '../view'

export async function listPasskeys(db: Sql, customerId: string) {
  return (await selectPasskeys(db, customerId)).map(passkeyView)
}

/** The customer's passkeys as WebAuthn names them, so an authenticator does not register a second one. */
export async function passkeyDescriptors(db: Sql, customerId: string) {
  return (await selectPasskeys(db, customerId)).map(passkey => ({ id: passkey.id, transports: passkey.transports }))
}
