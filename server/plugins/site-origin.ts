import { siteOrigin } from '../utils/client'

// Pages build absolute URLs during the render (composables/useSiteOrigin.ts), where only the event's
// context reaches them: the origin is worked out here, by the server's rules for proxies.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    event.context.siteOrigin = siteOrigin(event)
  })
})
