import type { H3Event } from 'h3'
import { DomainError } from '../platform/errors'

/** The one guard for admin routes: 401 without a session, 403 for a signed-in non-admin. */
export async function requireAdmin(event: H3Event): Promise<void> {
  const { user } = await getUserSession(event)
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in as an admin first')
  if (user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an admin may do this')
}
