import { setResponseHeaders } from 'h3'
import { keptPage, pageCacheGeneration, pageCacheKey, withNonce } from '../utils/page-cache'
import { freshNonce, setContentSecurityPolicy } from '../utils/content-security-policy'

/**
 * Anonymous catalog pages from memory (utils/page-cache.ts), before the request takes a render turn.
 * A page not kept is rendered as usual, and plugins/page-cache.ts keeps it.
 */
export default defineEventHandler((event) => {
  const key = pageCacheKey(event)
  if (!key) return
  const page = keptPage(key)
  if (!page) {
    event.context.pageCache = { key, since: pageCacheGeneration() }
    return
  }
  const nonce = freshNonce()
  setResponseHeaders(event, { ...page.headers, 'x-plaza-cache': 'hit' })
  setContentSecurityPolicy(event, nonce)
  return withNonce(page, nonce)
})
