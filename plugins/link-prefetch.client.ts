// Plain links (utils/links.ts) do not load the next page's code ahead as a NuxtLink does when it comes
// into view. This loads it when a pointer rests on a link to one of this site's pages, or focus reaches
// one: still before the click, and only for the links a shopper goes for. Each page is asked for once.
export default defineNuxtPlugin(() => {
  const asked = new Set<string>()
  const preload = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a')
    if (!link || link.origin !== window.location.origin || link.hasAttribute('download')) return
    const path = link.pathname
    if (asked.has(path) || path.startsWith('/api/') || path === window.location.pathname) return
    asked.add(path)
    void preloadRouteComponents(path)
  }
  document.addEventListener('pointerover', preload, { passive: true })
  document.addEventListener('focusin', preload)
})
