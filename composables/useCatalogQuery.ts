import type { LocationQuery, RouteLocationRaw } from 'vue-router'

export interface CatalogState {
  q: string
  category: string
  store: string
  /** Empty for the default: best match while searching, by name otherwise. */
  sort: CatalogSort | ''
  cursor: string
  /** The page's number, for people: the cursor says where it starts. */
  page: number
}

type CatalogChanges = Partial<Record<'q' | 'category' | 'store' | 'sort' | 'cursor' | 'page', string | number | undefined>>

const text = (query: LocationQuery, key: string) => (typeof query[key] === 'string' ? query[key] as string : '')

/**
 * The shopping catalog's search, filters, sort and page, all in the URL: a reload, a shared link and
 * the back button show the same products. Values that cannot be right (a category that is not an id)
 * are ignored rather than sent. `fixedStore` pins a store (its own page).
 */
export function useCatalogQuery(fixedStore?: () => string) {
  const route = useRoute()

  const state = computed<CatalogState>(() => {
    const sort = text(route.query, 'sort') as CatalogSort
    const page = Number.parseInt(text(route.query, 'page'), 10)
    return {
      q: text(route.query, 'q').trim(),
      category: isUuid(text(route.query, 'category')) ? text(route.query, 'category') : '',
      store: fixedStore?.() ?? (isUuid(text(route.query, 'store')) ? text(route.query, 'store') : ''),
      sort: CATALOG_SORTS.some(option => option.value === sort) ? sort : '',
      cursor: text(route.query, 'cursor'),
      page: Number.isSafeInteger(page) && page > 1 ? page : 1,
    }
  })

  /** What GET /api/catalog is asked: only the parts that are set. */
  const apiQuery = computed(() => {
    const { q, category, store, sort, cursor } = state.value
    return Object.fromEntries(Object.entries({ q, category, store, sort, cursor }).filter(([, value]) => value))
  })

  /** This page's query with some changes; any change but a page turn starts again at the first page. */
  function changedQuery(changes: CatalogChanges): LocationQuery {
    const query: LocationQuery = { ...route.query, cursor: null, page: null }
    for (const [key, value] of Object.entries(changes)) query[key] = value === undefined || value === '' ? null : String(value)
    return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== null))
  }

  /** This page's URL with some changes, for the router (the search box and the sort). */
  function linkWith(changes: CatalogChanges): RouteLocationRaw {
    return { path: route.path, query: changedQuery(changes) }
  }

  /** The same as an address, for a plain link (utils/links.ts). */
  function hrefWith(changes: CatalogChanges): string {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(changedQuery(changes))) {
      for (const one of [value].flat()) if (one !== null) search.append(key, one)
    }
    const query = search.toString()
    return query ? `${route.path}?${query}` : route.path
  }

  const filtered = computed(() => !!(state.value.q || state.value.category || (!fixedStore && state.value.store)))

  return { state, apiQuery, linkWith, hrefWith, filtered }
}
