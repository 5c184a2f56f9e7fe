import type { H3Event } from 'h3'
import { requestProtocol } from './client'

/**
 * Session cookie options for this request: Secure when the browser reached Plaza over HTTPS, directly
 * or through a trusted proxy that says so in X-Forwarded-Proto (utils/client.ts), and not on plain
 * HTTP, where browsers would drop a Secure cookie and nobody on a LAN install could sign in.
 */
export function sessionCookieOptions(event: H3Event) {
  return { cookie: { secure: requestProtocol(event) === 'https' } }
}
