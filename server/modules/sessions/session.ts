/** Who a session signs in: the admin, or one customer. */
export type Principal = { role: 'admin' } | { role: 'customer', customerId: string }

/** A session's row: the sealed cookie carries the id, the row decides whether it still counts. */
export interface SessionRecord {
  id: string
  role: 'admin' | 'customer'
  customerId: string | null
  createdAt: Date
  lastSeenAt: Date
}

/** How long sessions last: without a request (idle), and at all after sign-in (absolute). */
export interface SessionPolicy {
  idleMs: number
  maxMs: number
}

export type SessionState = 'live' | 'idle' | 'too-old'

export function sessionState(session: SessionRecord, now: number, policy: SessionPolicy): SessionState {
  if (now - session.createdAt.getTime() >= policy.maxMs) return 'too-old'
  if (now - session.lastSeenAt.getTime() >= policy.idleMs) return 'idle'
  return 'live'
}

/**
 * How stale last_seen_at may get before a request writes it again: a minute, or a quarter of the idle
 * time when that is shorter, so a session in use never looks idle and a busy one costs a write a minute.
 */
export function touchInterval(policy: SessionPolicy): number {
  return Math.min(60_000, policy.idleMs / 4)
}

export function needsTouch(session: SessionRecord, now: number, policy: SessionPolicy): boolean {
  return now - session.lastSeenAt.getTime() >= touchInterval(policy)
}

export function principalOf(session: SessionRecord): Principal {
  return session.role === 'admin' ? { role: 'admin' } : { role: 'customer', customerId: session.customerId! }
}
