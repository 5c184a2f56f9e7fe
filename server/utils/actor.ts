import type { H3Event } from 'h3'
import type { Actor } from '../modules/ordering'
import { DomainError } from '../platform/errors'

/** The signed-in caller as the domain sees them: an admin, or a customer with their id. 401 when signed out. */
export async function requireActor(event: H3Event): Promise<Actor> {
  const { user } = await getUserSession(event)
  if (user?.role === 'admin') return { role: 'admin' }
  if (user?.role === 'customer' && user.customerId) return { role: 'customer', customerId: user.customerId }
  throw new DomainError('UNAUTHENTICATED', 'Sign in first')
}
