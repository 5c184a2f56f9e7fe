import type { CatalogEntryView } from '#shared/types/catalog'

export type CatalogSort = 'name' | 'price-asc' | 'price-desc'

export const CATALOG_SORTS: { value: CatalogSort, label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
]

/** Search, store filter and sort over the catalog, all in the browser (the catalog is one response). */
export function filterCatalog(items: CatalogEntryView[], options: { q: string, storeId: string, sort: CatalogSort }): CatalogEntryView[] {
  const q = options.q.trim().toLocaleLowerCase()
  const matches = items.filter(item => (!options.storeId || item.storeId === options.storeId)
    && (!q || `${item.name} ${item.description} ${item.storeName}`.toLocaleLowerCase().includes(q)))
  const byName = (a: CatalogEntryView, b: CatalogEntryView) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  if (options.sort === 'price-asc') return matches.sort((a, b) => a.price - b.price || byName(a, b))
  if (options.sort === 'price-desc') return matches.sort((a, b) => b.price - a.price || byName(a, b))
  return matches.sort(byName)
}
