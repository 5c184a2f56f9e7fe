import type { Sql } from '../../../platform/db'
import { deletePasskey, insertChallenge, insertPasskey, recordUse, selectPasskey, takeChallenge } from '../adapters/passkeys.pg'
import { selectCustomer } from '../adapters/customers.pg'
import { customerNotFound, passkeyAttemptExpired, passkeyNotFound, unknownPasskey } from '../errors'
import { PASSKEY_CHALLENGE_TTL_SECONDS, type Passkey } from '../passkey'
import { passkeyView } from '../view'

/** Keeps a ceremony's challenge for its second request; customerId for a registration, null for a sign-in. */
export async function keepPasskeyChallenge(db: Sql, attemptId: string, challenge: string, customerId: string | null): Promise<void> {
  await insertChallenge(db, attemptId, challenge, customerId, PASSKEY_CHALLENGE_TTL_SECONDS)
}

/** The challenge kept for this attempt, used up now; 400 when it expired, was used, or is someone else's. */
export async function takePasskeyChallenge(db: Sql, attemptId: string, customerId: string | null): Promise<string> {
  const challenge = await takeChallenge(db, attemptId, customerId)
  if (!challenge) throw passkeyAttemptExpired()
  return challenge
}

/** Saves a passkey the customer just registered (verified by the WebAuthn handler). */
export async function addPasskey(db: Sql, passkey: Omit<Passkey, 'createdAt' | 'lastUsedAt'>) {
  return passkeyView(await insertPasskey(db, passkey))
}

export async function removePasskey(db: Sql, customerId: string, id: string): Promise<void> {
  if (!(await deletePasskey(db, customerId, id))) throw passkeyNotFound()
}

/** The passkey a sign-in presents; 401 when Plaza does not know it. */
export async function passkeyForSignIn(db: Sql, id: string): Promise<Passkey> {
  const passkey = await selectPasskey(db, id)
  if (!passkey) throw unknownPasskey()
  return passkey
}

/** After a verified sign-in: keeps the authenticator's new counter and returns the customer to sign in. */
export async function signInWithPasskey(db: Sql, id: string, counter: number) {
  const passkey = await passkeyForSignIn(db, id)
  await recordUse(db, id, counter)
  const customer = await selectCustomer(db, passkey.customerId)
  if (!customer) throw customerNotFound()
  return { id: customer.id, name: customer.name }
}
