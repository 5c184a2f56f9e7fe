import { siteOrigin } from '../utils/client'
import { isPageRequest } from '../utils/page-render-turns'

// Pages build absolute URLs during the render (composables/useSiteOrigin.ts), where only the event's
// context reaches them: the origin is worked out here, by the server's rules for proxies, for pages only.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    if (isPageRequest(event)) event.context.siteOrigin = siteOrigin(event)
  })
})
