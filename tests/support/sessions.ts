import { webcrypto } from 'node:crypto'
import { defaults, seal } from 'iron-webcrypto'
import { TEST_SESSION_PASSWORD } from './server'

/**
 * A sealed session cookie for a signed-in customer, made with the test server's session password the
 * way h3 seals sessions. It stands for a real customer sign-in to prove that the admin guard tells
 * "signed in, wrong role" (403) from "not signed in" (401).
 */
export async function customerSessionCookie(customerId = '00000000-0000-4000-8000-000000000001', createdAt = Date.now()): Promise<string> {
  const session = { id: webcrypto.randomUUID(), createdAt, data: { user: { role: 'customer', customerId } } }
  const sealed = await seal(webcrypto, session, TEST_SESSION_PASSWORD, { ...defaults, ttl: 60 * 60 * 1000 })
  return `plaza-session=${sealed}`
}
