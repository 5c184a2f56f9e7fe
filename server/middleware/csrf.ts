import { getRequestHeader } from 'h3'
import { requestHost } from '../utils/client'
import { fromCode } from '../utils/http-errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery: session cookies are SameSite=Lax, bodies must be JSON, and on top of
 * that a cookie-authenticated write must come from this site. Browsers say where a request comes
 * from in Sec-Fetch-Site and Origin (OWASP CSRF cheat sheet, "verifying origin with standard headers");
 * clients that send neither (curl, server-to-server) carry no ambient cookie to abuse. The host is
 * X-Forwarded-Host only from a trusted proxy (utils/client.ts): anyone else could name the evil site.
 */
export default defineEventHandler((event) => {
  if (SAFE_METHODS.has(event.method) || !event.path.startsWith('/api/')) return
  const site = getRequestHeader(event, 'sec-fetch-site')
  if (site === 'cross-site') throw refused()
  const origin = getRequestHeader(event, 'origin')
  if (origin && hostOf(origin) !== requestHost(event)) throw refused()
})

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  }
  catch {
    return undefined
  }
}

const refused = () => fromCode('FORBIDDEN', 'Cross-site requests are refused')
