import { LRUCache } from 'lru-cache'
import type { Db } from '../../../platform/db'
import { deleteSession, selectSession, touchSession } from '../adapters/sessions.pg'
import { SESSIONS_ENDED_CHANNEL } from '../changes'
import { needsTouch, sessionState, type SessionPolicy, type SessionRecord } from '../session'

/**
 * The sessions this process checked lately, so a request does not cost a read. Every replica listens
 * for deleted sessions (a trigger notifies their ids from the deleting transaction) and drops them,
 * so a sign-out on one replica holds on all of them as soon as it commits. A re-listen after a lost
 * connection drops everything, since deletions went unheard meanwhile; the ttl is only a backstop.
 */
const checked = new LRUCache<string, SessionRecord>({ max: 20_000, ttl: 60_000 })

let listening: Promise<boolean> | undefined
// Counts the endings heard: a row read before an ending arrived is used for that request, never kept.
let endingsHeard = 0

/**
 * The session with this id if it is still live: its row exists, it has not been idle too long and is
 * not too old. An expired one is deleted. last_seen_at is written at most once per touch interval.
 */
export async function liveSession(db: Db, id: string, policy: SessionPolicy, now = Date.now()): Promise<SessionRecord | undefined> {
  const cacheable = await listenForEndings(db)
  const heardBefore = endingsHeard
  let session = cacheable ? checked.get(id) : undefined
  const fromMemory = session !== undefined
  session ??= await selectSession(db, id)
  if (!session) return undefined
  let state = sessionState(session, now, policy)
  // Another replica may have seen the session since this one last read it.
  if (state === 'idle' && fromMemory) {
    session = await selectSession(db, id)
    if (!session) return forget(id)
    state = sessionState(session, now, policy)
  }
  if (state !== 'live') {
    await deleteSession(db, id)
    return forget(id)
  }
  if (needsTouch(session, now, policy)) {
    const seen = await touchSession(db, id)
    if (!seen) return forget(id)
    session = { ...session, lastSeenAt: seen }
  }
  if (cacheable && endingsHeard === heardBefore) checked.set(id, session)
  return session
}

/** Drops sessions this process ended itself, without waiting for their notification. */
export function forgetSessions(ids: string[]): void {
  forgetEnded(ids.join(','))
}

function forget(id: string): undefined {
  checked.delete(id)
  return undefined
}

function listenForEndings(db: Db): Promise<boolean> {
  listening ??= db.listen(SESSIONS_ENDED_CHANNEL, forgetEnded, () => forgetEnded('*')).then(() => true, () => {
    listening = undefined
    return false
  })
  return listening
}

function forgetEnded(payload: string) {
  endingsHeard++
  if (payload === '*') checked.clear()
  else for (const id of payload.split(',')) checked.delete(id)
}
