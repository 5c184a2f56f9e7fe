import { getResponseStatus, setResponseHeader } from 'h3'
import { keepPage, keptHeaders, nonceOffsets } from '../utils/page-cache'

/** Keeps a rendered anonymous catalog page (middleware/page-cache.ts): a 200 that sets no cookie. */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const pending = event.context.pageCache as { key: string, since: number } | undefined
    const nonce = event.context.cspNonce as string | undefined
    if (!pending || !nonce || (response.statusCode ?? getResponseStatus(event)) !== 200 || !Buffer.isBuffer(response.body)) return
    const headers = keptHeaders(event, response.headers)
    if (!headers) return
    keepPage(pending.key, pending.since, { body: response.body, headers, nonceAt: nonceOffsets(response.body, nonce) })
    setResponseHeader(event, 'x-plaza-cache', 'miss')
  })
})
