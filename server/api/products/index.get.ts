import { handleCacheHeaders, setResponseHeader } from 'h3'
import { cachedCatalog, catalogQuery } from '~~/server/modules/catalog'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { readQuery } from '~~/server/utils/request'

// Served from the process's catalog cache. Clients must revalidate every time (no-cache), and an
// unchanged catalog costs them a 304 without a body.
export default defineApiHandler(async (event) => {
  const catalog = await cachedCatalog(readQuery(event, catalogQuery))
  if (handleCacheHeaders(event, { etag: catalog.etag, cacheControls: ['no-cache'] })) return null
  setResponseHeader(event, 'content-type', 'application/json')
  return catalog.body
})
