import type { Sql } from '../../../platform/db'
import type { Passkey } from '../passkey'

const COLUMNS = ['id', 'customer_id', 'public_key', 'counter', 'backed_up', 'transports', 'created_at', 'last_used_at']

export async function insertPasskey(db: Sql, passkey: Omit<Passkey, 'createdAt' | 'lastUsedAt'>): Promise<Passkey> {
  const [row] = await db<Passkey[]>`
    insert into customers.passkeys (id, customer_id, public_key, counter, backed_up, transports)
    values (${passkey.id}, ${passkey.customerId}, ${passkey.publicKey}, ${passkey.counter}, ${passkey.backedUp}, ${passkey.transports})
    returning ${db(COLUMNS)}`
  return { ...row!, counter: Number(row!.counter) }
}

export async function selectPasskey(db: Sql, id: string): Promise<Passkey | undefined> {
  const [row] = await db<Passkey[]>`select ${db(COLUMNS)} from customers.passkeys where id = ${id}`
  return row && { ...row, counter: Number(row.counter) }
}

export async function selectPasskeys(db: Sql, customerId: string): Promise<Passkey[]> {
  const rows = await db<Passkey[]>`select ${db(COLUMNS)} from customers.passkeys where customer_id = ${customerId} order by created_at, id`
  return rows.map(row => ({ ...row, counter: Number(row.counter) }))
}

export async function recordUse(db: Sql, id: string, counter: number): Promise<void> {
  await db`update customers.passkeys set counter = ${counter}, last_used_at = now() where id = ${id}`
}

/** Removes one of the customer's passkeys; false when they have none with this id. */
export async function deletePasskey(db: Sql, customerId: string, id: string): Promise<boolean> {
  const result = await db`delete from customers.passkeys where customer_id = ${customerId} and id = ${id}`
  return result.count > 0
}

export async function insertChallenge(db: Sql, attemptId: string, challenge: string, customerId: string | null, ttlSeconds: number): Promise<void> {
  await db`
    insert into customers.passkey_challenges (attempt_id, challenge, customer_id, expires_at)
    values (${attemptId}, ${challenge}, ${customerId}, now() + make_interval(secs => ${ttlSeconds}))`
  // Ceremonies abandoned half-way leave their challenge behind; each new one clears the expired.
  await db`delete from customers.passkey_challenges where expires_at < now()`
}

/** Takes (deletes) the attempt's challenge if it is still good and belongs to this customer (null: a sign-in). */
export async function takeChallenge(db: Sql, attemptId: string, customerId: string | null): Promise<string | undefined> {
  const [row] = await db<{ challenge: string }[]>`
    delete from customers.passkey_challenges
    where attempt_id = ${attemptId} and customer_id is not distinct from ${customerId}::uuid and expires_at > now()
    returning challenge`
  return row?.challenge
}
