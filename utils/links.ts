/**
 * Client-side navigation for plain links. The product cards and catalog facets draw `<a href>` rather
 * than NuxtLink, which costs the server about 20 µs per link to render, and /shopping has some fifty.
 * Set on a container's click: a plain click (or Enter) on a link within this site goes through the
 * router; a modifier key, a middle click, a new tab or another site is left to the browser.
 */
export function followInternalLink(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const link = (event.target as Element | null)?.closest?.('a')
  if (!link || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return
  event.preventDefault()
  void navigateTo(link.pathname + link.search + link.hash)
}
