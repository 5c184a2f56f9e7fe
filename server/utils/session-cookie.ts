import { getRequestProtocol, type H3Event } from 'h3'

/**
 * Session cookie options for this request: Secure when the browser reached Plaza over HTTPS, directly
 * or through a proxy that says so in X-Forwarded-Proto, and not on plain HTTP, where browsers would
 * drop a Secure cookie and nobody on a LAN install could sign in. Trusting the header is safe here:
 * a forged value can only make the caller's own cookie stricter.
 */
export function sessionCookieOptions(event: H3Event) {
  return { cookie: { secure: getRequestProtocol(event, { xForwardedProto: true }) === 'https' } }
}
