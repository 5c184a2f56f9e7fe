import type { Sql } from '../../../platform/db'
import { deleteSession, deleteSessionsOf } from '../adapters/sessions.pg'
import type { Principal } from '../session'

/** Ends one session (signing out). Every replica forgets it when the deletion commits. */
export async function endSession(db: Sql, id: string): Promise<void> {
  await deleteSession(db, id)
}

/**
 * Ends every session of the principal ("sign out everywhere"), or every one but `keep` (a password
 * change ends the others). Returns how many ended.
 */
export async function endSessionsOf(db: Sql, principal: Principal, keep?: string): Promise<number> {
  return deleteSessionsOf(db, principal, keep)
}
