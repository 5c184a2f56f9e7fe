import { randomBytes } from 'node:crypto'
import { setResponseHeader, type H3Event } from 'h3'

/**
 * The content security policy of the server-rendered pages. Nuxt writes a few inline scripts (its
 * config and payload), so each page gets a fresh nonce on every <script>. Styles stay 'unsafe-inline':
 * PrimeVue's styled mode injects its theme as <style> elements at run time.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

export function freshNonce(): string {
  return randomBytes(16).toString('base64')
}

/** The policy for a page whose scripts carry this nonce; the nonce is kept on the event for the page cache. */
export function setContentSecurityPolicy(event: H3Event, nonce: string): void {
  event.context.cspNonce = nonce
  setResponseHeader(event, 'content-security-policy', contentSecurityPolicy(nonce))
}
