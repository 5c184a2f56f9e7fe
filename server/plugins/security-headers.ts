import { setResponseHeader, setResponseHeaders } from 'h3'
import { requestProtocol } from '../utils/client'
import { freshNonce, setContentSecurityPolicy } from '../utils/content-security-policy'

// Headers every response carries (OWASP secure headers project).
const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
}

// Browsers honour HSTS only over HTTPS (RFC 6797 §8.1), and a plain-HTTP LAN install must stay
// reachable: sent when the client's connection is TLS, ours or a trusted proxy's. One year, no
// includeSubDomains: Plaza does not know what else lives under its domain.
const HSTS = 'max-age=31536000'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    setResponseHeaders(event, BASE_HEADERS)
    if (requestProtocol(event) === 'https') setResponseHeader(event, 'strict-transport-security', HSTS)
  })
  // Nuxt's own scripts (config, payload, entry, structured data) sit in the head and around the app.
  // The app's markup (html.body) gets no nonce: Vue templates cannot hold a script, so one there
  // would be injected content, which the policy must keep blocking. It is also most of the page.
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const nonce = freshNonce()
    const withNonce = (chunk: string) => chunk.replace(/<script\b/g, `<script nonce="${nonce}"`)
    html.head = html.head.map(withNonce)
    html.bodyPrepend = html.bodyPrepend.map(withNonce)
    html.bodyAppend = html.bodyAppend.map(withNonce)
    setContentSecurityPolicy(event, nonce)
  })
})
