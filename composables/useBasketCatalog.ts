/**
 * The catalog as it is now for the basket's products, fetched in the browser only (the basket lives in
 * localStorage): which lines were removed, repriced, or ask for more than is in stock. For the
 * checkout and the mini-cart; `immediate: false` waits for the first refresh (the mini-cart asks when opened).
 */
export function useBasketCatalog(key: string, options: { immediate?: boolean } = {}) {
  const basket = useBasketStore()
  // Every participating product, as the catalog serves it today; the basket's own ids are picked from it.
  const { data: catalog, refresh, status } = useFetch<CatalogEntryView[]>('/api/products', {
    key: `basket-catalog-${key}`,
    query: { participating: 'true' },
    server: false,
    lazy: true,
    immediate: options.immediate ?? true,
    default: () => [],
  })
  const problems = computed(() => (status.value === 'success' ? basket.problems(catalog.value) : {}))
  return { catalog, problems, checking: computed(() => status.value === 'pending'), refresh }
}
