import { getRequestHeader, type H3Event } from 'h3'
import { LRUCache } from 'lru-cache'
import { catalogChangesHeard, onCatalogForgotten } from '../modules/catalog'
import { config } from '../platform/config'
import { siteOrigin } from './client'

/** A rendered catalog page as sent (plugins/page-bytes.ts), less the headers made afresh for every response. */
export interface KeptPage {
  body: Buffer
  headers: Record<string, string>
  /** Where the body's scripts carry their CSP nonce: each hit writes a fresh one, of the same length, over it. */
  nonceAt: number[]
}

// The catalog pages: the same for every visitor without a session, and changed only by the catalog.
const CATALOG_PAGE = /^\/(shopping|stores\/[^/?]+|products\/[^/?]+)?(\?|$)/

/** The header h3 reads a sealed session from, as the cookie: x-plaza-session-session. */
const sessionHeader = () => `x-${(useRuntimeConfig().session as { name: string }).name.toLowerCase()}-session`

// Made per response by plugins/security-headers.ts, or never kept.
const NOT_KEPT = new Set(['content-security-policy', 'strict-transport-security', 'set-cookie', 'content-length', 'connection'])

const pages = new LRUCache<string, KeptPage>({
  // About 80 KB a page: at most some 40 MB.
  max: 500,
  // Only a backstop, as for the kept catalog answers (modules/catalog/queries/cached-catalog.ts).
  ttl: 10_000,
})

// A page rendered while a change arrived may show the old catalog: kept only if none arrived since it began.
let generation = 0
onCatalogForgotten(() => {
  pages.clear()
  generation++
})

/**
 * The key of this request's page when it may be served from or kept in memory: an anonymous GET of a
 * catalog page (no cookie, no Authorization, no session header), while catalog changes are heard. The addresses in the
 * page (og:url, og:image) are absolute, built from the origin the server believes (siteOrigin), so that is in
 * the key: not the raw headers, which an untrusted client could copy to file its page under a proxy's key.
 */
export function pageCacheKey(event: H3Event): string | undefined {
  if (event.method !== 'GET' || config().PLAZA_PAGE_CACHE === 'off') return undefined
  if (!CATALOG_PAGE.test(event.path)) return undefined
  // h3 also takes a session from the x-<name>-session header: such a page is signed in as well.
  if (getRequestHeader(event, 'cookie') || getRequestHeader(event, 'authorization') || getRequestHeader(event, sessionHeader())) return undefined
  if (!catalogChangesHeard()) return undefined
  return JSON.stringify([siteOrigin(event), event.path])
}

export function keptPage(key: string): KeptPage | undefined {
  return pages.get(key)
}

/** Where `nonce="…"` holds this nonce in the body. */
export function nonceOffsets(body: Buffer, nonce: string): number[] {
  const attribute = `nonce="${nonce}"`
  const offsets: number[] = []
  for (let at = body.indexOf(attribute); at !== -1; at = body.indexOf(attribute, at + attribute.length)) offsets.push(at + 'nonce="'.length)
  return offsets
}

/** The kept body with a fresh nonce (freshNonce: always 24 base64 characters) in its scripts. */
export function withNonce(page: KeptPage, nonce: string): Buffer {
  const body = Buffer.from(page.body)
  for (const at of page.nonceAt) body.write(nonce, at, 'latin1')
  return body
}

/** The generation to hand back to keepPage once the page is rendered. */
export function pageCacheGeneration(): number {
  return generation
}

export function keepPage(key: string, since: number, page: KeptPage): void {
  if (since === generation) pages.set(key, page)
}

/** The response headers worth keeping, from those set on the event and the renderer's own. */
export function keptHeaders(event: H3Event, own: Record<string, unknown> | undefined): Record<string, string> | undefined {
  const all = { ...event.node.res.getHeaders(), ...own }
  if (all['set-cookie'] !== undefined) return undefined
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(all)) {
    const lower = name.toLowerCase()
    if (value !== undefined && !NOT_KEPT.has(lower)) kept[lower] = String(value)
  }
  return kept
}
