/**
 * This site's origin as the visitor sees it: in the browser, the page's own; on the server, the one
 * server/plugins/site-origin.ts works out (X-Forwarded-Host and -Proto only from a trusted proxy).
 */
export function useSiteOrigin(): string {
  if (import.meta.client) return window.location.origin
  return (useRequestEvent()?.context.siteOrigin as string | undefined) ?? useRequestURL().origin
}
