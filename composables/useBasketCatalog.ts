import { CATALOG_IDS_MAX } from '#shared/limits'

/**
 * The catalog as it is now for the basket's own products (GET /api/catalog?ids=), fetched in the
 * browser only (the basket lives in localStorage): which lines were removed, repriced, or ask for
 * more than is in stock. For the checkout and the mini-cart. It asks again when the basket's
 * products change, and only while `active` (the mini-cart asks while it is open).
 */
export function useBasketCatalog(key: string, options: { active?: Ref<boolean> } = {}) {
  const basket = useBasketStore()
  const active = options.active ?? ref(true)
  const ids = computed(() => [...new Set(basket.lines.map(line => line.productId))].sort())

  const { data, refresh, status } = useAsyncData(`basket-catalog-${key}`, async () => {
    const asked = ids.value
    const chunks = Array.from({ length: Math.ceil(asked.length / CATALOG_IDS_MAX) }, (_, n) => asked.slice(n * CATALOG_IDS_MAX, (n + 1) * CATALOG_IDS_MAX))
    const pages = await Promise.all(chunks.map(chunk => $fetch<CatalogPageView>('/api/catalog', { query: { ids: chunk.join(',') } })))
    return { asked, items: pages.flatMap(page => page.items) }
  }, { server: false, lazy: true, immediate: false, default: () => ({ asked: [] as string[], items: [] as CatalogEntryView[] }) })

  onMounted(() => {
    watch([() => ids.value.join(','), active], () => {
      if (active.value && basket.attached) void refresh()
    }, { immediate: true })
  })

  const catalog = computed(() => data.value.items)
  // Only lines that were asked about: one added since is not "gone", just not checked yet.
  const problems = computed(() => {
    if (status.value !== 'success') return {}
    const asked = new Set(data.value.asked)
    return Object.fromEntries(Object.entries(basket.problems(catalog.value)).filter(([id]) => asked.has(id)))
  })
  return { catalog, problems, checking: computed(() => status.value === 'pending'), refresh }
}
