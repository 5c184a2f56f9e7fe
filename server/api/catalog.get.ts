import { handleCacheHeaders, setResponseHeader } from 'h3'
import { cachedCatalogPage, catalogPageQuery } from '~~/server/modules/catalog'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { readQuery } from '~~/server/utils/request'

// Like /api/products: clients revalidate every time (no-cache), and an unchanged page costs a 304.
export default defineApiHandler(async (event) => {
  const page = await cachedCatalogPage(readQuery(event, catalogPageQuery))
  if (handleCacheHeaders(event, { etag: page.etag, cacheControls: ['no-cache'] })) return null
  setResponseHeader(event, 'content-type', 'application/json')
  return page.body
})
