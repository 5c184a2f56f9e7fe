import type { H3Event } from 'h3'
import type { User } from '#auth-utils'
import { endSessionsOf, startSession, type Principal } from '../modules/sessions'
import { config } from '../platform/config'
import { db } from '../platform/db'
import { DomainError, notFound } from '../platform/errors'
import { sessionCookieOptions } from './session-cookie'
import { sessionPolicy } from './session-rows'

/** The one guard for admin routes: 401 without a session, 403 for a signed-in non-admin. */
export async function requireAdmin(event: H3Event): Promise<void> {
  const { user } = await getUserSession(event)
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in as an admin first')
  if (user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an admin may do this')
}

/** Who is signed in: the admin, or one customer. */
export type Caller = Principal

/** 401 without a session (or with a customer session that names no customer). */
export async function requireSignedIn(event: H3Event): Promise<Caller> {
  const { user } = await getUserSession(event)
  if (user?.role === 'admin') return { role: 'admin' }
  if (user?.role === 'customer' && user.customerId) return { role: 'customer', customerId: user.customerId }
  throw new DomainError('UNAUTHENTICATED', 'Sign in first')
}

/** The guard for what only a customer does (authorize a payment): 401 signed out, 403 for the admin. */
export async function requireCustomer(event: H3Event): Promise<{ customerId: string }> {
  const caller = await requireSignedIn(event)
  if (caller.role !== 'customer') throw new DomainError('FORBIDDEN', 'Only a customer may do this')
  return { customerId: caller.customerId }
}

/**
 * The guard for a customer's own resources: the admin and that customer pass; another customer gets
 * the very 404 an unknown id gets (`notFound(what)`), so ids cannot be probed. 401 when signed out.
 */
export async function requireSelfOrAdmin(event: H3Event, customerId: string, what = 'Customer'): Promise<void> {
  const caller = await requireSignedIn(event)
  if (caller.role === 'customer' && caller.customerId !== customerId) throw notFound(what)
}

/** Like requireSelfOrAdmin, minus the admin: for acting as the customer (403 for the admin). */
export async function requireSelf(event: H3Event, customerId: string, what = 'Customer'): Promise<void> {
  const { customerId: own } = await requireCustomer(event)
  if (own !== customerId) throw notFound(what)
}

/** Signs the admin in, ending whatever session the browser had. */
export async function startAdminSession(event: H3Event): Promise<void> {
  await startSessionFor(event, { role: 'admin' }, { role: 'admin', name: 'Admin' })
}

/** Signs the customer in, ending whatever session the browser had. */
export async function startCustomerSession(event: H3Event, customer: { id: string, name: string }): Promise<void> {
  await startSessionFor(event, { role: 'customer', customerId: customer.id }, { role: 'customer', customerId: customer.id, name: customer.name })
}

async function startSessionFor(event: H3Event, principal: Principal, user: User): Promise<void> {
  await endCurrentSession(event)
  const sessionId = await startSession(db(), principal, sessionPolicy())
  // The cookie lasts as long as the session may (its row decides sooner: idle, signed out).
  const options = { ...sessionCookieOptions(event), maxAge: config().PLAZA_SESSION_MAX_SECONDS }
  await replaceUserSession(event, { user, secure: { sessionId }, signedInAt: new Date().toISOString() }, options)
}

/** The caller's session row id, when signed in. */
export async function currentSessionId(event: H3Event): Promise<string | undefined> {
  const { user, secure } = await getUserSession(event)
  return user ? secure?.sessionId : undefined
}

/**
 * Signs out: clears the cookie, and the session's row goes with it (server/plugins/session-rows.ts), so
 * every replica stops honouring copies of the cookie.
 */
export async function endCurrentSession(event: H3Event): Promise<void> {
  await clearUserSession(event, sessionCookieOptions(event))
}

/** Signs the caller out everywhere: every session of the admin, or of this customer. Returns how many ended. */
export async function endEverySession(event: H3Event): Promise<number> {
  const caller = await requireSignedIn(event)
  const ended = await endSessionsOf(db(), caller)
  await clearUserSession(event, sessionCookieOptions(event))
  return ended
}

/** Ends the caller's other sessions, keeping this one (after a password change). */
export async function endOtherSessions(event: H3Event): Promise<void> {
  const caller = await requireSignedIn(event)
  await endSessionsOf(db(), caller, await currentSessionId(event))
}
