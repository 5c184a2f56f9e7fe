import type { Sql } from '../../../platform/db'
import { deleteExpiredSessions, insertSession } from '../adapters/sessions.pg'
import type { Principal, SessionPolicy } from '../session'

// Rows of sessions nobody shows again are swept as new ones start, at most this often per process.
const SWEEP_EVERY_MS = 10 * 60_000
let lastSweep = 0

/** A new session for the principal; returns its id, which the sealed cookie will carry. */
export async function startSession(db: Sql, principal: Principal, policy: SessionPolicy, now = Date.now()): Promise<string> {
  if (now - lastSweep >= SWEEP_EVERY_MS) {
    lastSweep = now
    await deleteExpiredSessions(db, Math.ceil(policy.idleMs / 1000), Math.ceil(policy.maxMs / 1000))
  }
  return (await insertSession(db, principal)).id
}
