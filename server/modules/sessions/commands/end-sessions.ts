import type { Sql } from '../../../platform/db'
import { deleteSession, deleteSessionsOf } from '../adapters/sessions.pg'
import { forgetSessions } from '../queries/live-session'
import type { Principal } from '../session'

// Every replica forgets an ended session when the deletion's notification reaches it; this process
// forgets it at once, so its own next request cannot be answered from memory in between.

/** Ends one session (signing out). */
export async function endSession(db: Sql, id: string): Promise<void> {
  await deleteSession(db, id)
  forgetSessions([id])
}

/**
 * Ends every session of the principal ("sign out everywhere"), or every one but `keep` (a password
 * change ends the others). Returns how many ended.
 */
export async function endSessionsOf(db: Sql, principal: Principal, keep?: string): Promise<number> {
  const ended = await deleteSessionsOf(db, principal, keep)
  forgetSessions(ended)
  return ended.length
}
