import type { Sql } from '../../../platform/db'

export interface StoredCode {
  codeHash: string
  attemptsLeft: number
  live: boolean
}

/** Keeps the account's one code, replacing an earlier one. */
export async function upsertCode(db: Sql, customerId: string, codeHash: string, attempts: number, ttlSeconds: number): Promise<void> {
  await db`
    insert into customers.one_time_codes (customer_id, code_hash, attempts_left, expires_at)
    values (${customerId}, ${codeHash}, ${attempts}, now() + make_interval(secs => ${ttlSeconds}))
    on conflict (customer_id) do update
      set code_hash = excluded.code_hash, attempts_left = excluded.attempts_left,
          expires_at = excluded.expires_at, created_at = now()`
}

/** The account's code, locked until the transaction ends; `live` is false once it has expired. */
export async function lockCode(db: Sql, customerId: string): Promise<StoredCode | undefined> {
  const [code] = await db<StoredCode[]>`
    select code_hash, attempts_left, expires_at > now() as live from customers.one_time_codes
    where customer_id = ${customerId} for update`
  return code
}

/** One wrong try: the code loses an attempt, and is deleted (burnt) when none is left. */
export async function spendAttempt(db: Sql, customerId: string): Promise<void> {
  await db`update customers.one_time_codes set attempts_left = attempts_left - 1 where customer_id = ${customerId}`
  await db`delete from customers.one_time_codes where customer_id = ${customerId} and attempts_left <= 0`
}

export async function deleteCode(db: Sql, customerId: string): Promise<void> {
  await db`delete from customers.one_time_codes where customer_id = ${customerId}`
}
