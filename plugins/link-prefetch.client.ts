// Plain links (utils/links.ts) do not load the next page's code ahead as a NuxtLink does when it comes
// into view. This loads it when a pointer rests on a link of this site, or focus reaches one: still
// before the click, and only for the links a shopper goes for. Nuxt remembers what it has loaded.
export default defineNuxtPlugin(() => {
  const preload = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a')
    if (link && link.origin === window.location.origin && !link.hasAttribute('download')) void preloadRouteComponents(link.pathname)
  }
  document.addEventListener('pointerover', preload, { passive: true })
  document.addEventListener('focusin', preload)
})
