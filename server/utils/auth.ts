import type { H3Event } from 'h3'
import { DomainError, notFound } from '../platform/errors'
import { sessionCookieOptions } from './session-cookie'

/** The one guard for admin routes: 401 without a session, 403 for a signed-in non-admin. */
export async function requireAdmin(event: H3Event): Promise<void> {
  const { user } = await getUserSession(event)
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in as an admin first')
  if (user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an admin may do this')
}

/** Who is signed in: the admin, or one customer. */
export type Caller = { role: 'admin' } | { role: 'customer', customerId: string }

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

/** Signs the admin in, replacing whatever session the browser had. */
export async function startAdminSession(event: H3Event): Promise<void> {
  await replaceUserSession(event, { user: { role: 'admin', name: 'Admin' }, signedInAt: new Date().toISOString() }, sessionCookieOptions(event))
}

/** Signs the customer in, replacing whatever session the browser had. */
export async function startCustomerSession(event: H3Event, customer: { id: string, name: string }): Promise<void> {
  await replaceUserSession(event, { user: { role: 'customer', customerId: customer.id, name: customer.name }, signedInAt: new Date().toISOString() }, sessionCookieOptions(event))
}
