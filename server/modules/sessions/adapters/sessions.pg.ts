import type { Sql } from '../../../platform/db'
import type { Principal, SessionRecord } from '../session'

const COLUMNS = ['id', 'role', 'customer_id', 'created_at', 'last_seen_at']

export async function insertSession(db: Sql, principal: Principal): Promise<SessionRecord> {
  const customerId = principal.role === 'customer' ? principal.customerId : null
  const [session] = await db<SessionRecord[]>`
    insert into platform.sessions (role, customer_id) values (${principal.role}, ${customerId})
    returning ${db(COLUMNS)}`
  return session!
}

export async function selectSession(db: Sql, id: string): Promise<SessionRecord | undefined> {
  const [session] = await db<SessionRecord[]>`select ${db(COLUMNS)} from platform.sessions where id = ${id}`
  return session
}

/** Marks the session seen now; undefined when it is gone. */
export async function touchSession(db: Sql, id: string): Promise<Date | undefined> {
  const [row] = await db<{ lastSeenAt: Date }[]>`
    update platform.sessions set last_seen_at = now() where id = ${id} returning last_seen_at`
  return row?.lastSeenAt
}

export async function deleteSession(db: Sql, id: string): Promise<void> {
  await db`delete from platform.sessions where id = ${id}`
}

/** Deletes every session of the principal except `keep` (none when undefined); returns the ids that ended. */
export async function deleteSessionsOf(db: Sql, principal: Principal, keep?: string): Promise<string[]> {
  const rows = principal.role === 'admin'
    ? await db<{ id: string }[]>`delete from platform.sessions where role = 'admin' and id is distinct from ${keep ?? null}::uuid returning id`
    : await db<{ id: string }[]>`delete from platform.sessions where customer_id = ${principal.customerId} and id is distinct from ${keep ?? null}::uuid returning id`
  return rows.map(row => row.id)
}

/** Deletes the sessions that have expired by either measure. */
export async function deleteExpiredSessions(db: Sql, idleSeconds: number, maxSeconds: number): Promise<number> {
  const result = await db`
    delete from platform.sessions
    where last_seen_at < now() - make_interval(secs => ${idleSeconds})
       or created_at < now() - make_interval(secs => ${maxSeconds})`
  return result.count
}
