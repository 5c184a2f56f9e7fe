import { deleteCookie, getCookie, getRequestHeader, type H3Event } from 'h3'
import { config } from '../platform/config'
import { db } from '../platform/db'
import { liveSession, type SessionPolicy } from '../modules/sessions'

/** Idle and absolute lifetimes from the configuration. */
export function sessionPolicy(): SessionPolicy {
  const { PLAZA_SESSION_IDLE_SECONDS, PLAZA_SESSION_MAX_SECONDS } = config()
  return { idleMs: PLAZA_SESSION_IDLE_SECONDS * 1000, maxMs: PLAZA_SESSION_MAX_SECONDS * 1000 }
}

function sessionName(): string {
  return (useRuntimeConfig().session as { name: string }).name
}

/**
 * A sealed cookie proves what was signed in once; its row says whether that still holds. A session
 * whose row is gone (signed out, ended everywhere, a password change, expired), a cookie sealed
 * before sessions had rows, or a row that names someone else, is replaced by an empty session for
 * this request, so every later getUserSession sees nobody, and the browser is told to drop the cookie.
 */
export async function dropEndedSession(event: H3Event): Promise<void> {
  const name = sessionName()
  if (!getCookie(event, name) && !getRequestHeader(event, `x-${name.toLowerCase()}-session`)) return
  const { user, secure } = await getUserSession(event)
  if (!user) return
  const session = secure?.sessionId ? await liveSession(db(), secure.sessionId, sessionPolicy()) : undefined
  if (session && session.role === user.role && (session.customerId ?? undefined) === user.customerId) return
  event.context.sessions![name] = { id: crypto.randomUUID(), createdAt: Date.now(), data: {} }
  deleteCookie(event, name, { path: '/', httpOnly: true, sameSite: 'lax' })
}
