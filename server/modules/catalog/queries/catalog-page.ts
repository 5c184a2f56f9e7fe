import type { CatalogPageView } from '../../../../shared/types/catalog'
import type { Sql } from '../../../platform/db'
import { selectCatalogFacets, selectCatalogPage, type RankedEntry } from '../adapters/catalog-page.pg'
import { decodeCursor, encodeCursor, type CatalogCursor } from '../cursor'
import type { CatalogPageQuery, CatalogSort } from '../schemas'
import { catalogEntryView } from '../view'
import { attachImages } from './product-images'

/** A list shows the start of a description; the product's own page (GET /api/products/:id) has it all. */
export const LIST_DESCRIPTION_MAX = 200

/** Best match first while searching, by name otherwise; relevance means nothing without a search. */
export function catalogSort(query: Pick<CatalogPageQuery, 'q' | 'sort'>): CatalogSort {
  if (query.sort === 'relevance' && query.q === undefined) return 'name'
  return query.sort ?? (query.q === undefined ? 'name' : 'relevance')
}

/**
 * One page of what is on sale, with the total and facet counts. Pages are keyset pages: the next one
 * starts after the last product of this one, so products added or removed meanwhile never shift a
 * page, and page 400 costs what page 1 does. `ids` asks for those products only, all on one page.
 */
export async function listCatalogPage(db: Sql, query: CatalogPageQuery): Promise<CatalogPageView> {
  const sort = catalogSort(query)
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort)
  const filter = { q: query.q, categoryId: query.category, storeId: query.store, ids: query.ids }
  const limit = query.ids?.length ?? query.limit
  const [{ rows, items }, facets] = await Promise.all([
    // One more than the page holds says whether there is a next page.
    selectCatalogPage(db, filter, sort, cursor, limit + 1).then(async rows => ({
      rows,
      items: await attachImages(db, rows.slice(0, limit).map(row => ({ ...catalogEntryView(row), description: shorten(row.description) }))),
    })),
    query.ids ? undefined : selectCatalogFacets(db, filter),
  ])
  const last = rows[items.length - 1]
  return {
    items,
    total: facets?.total ?? items.length,
    nextCursor: rows.length > limit && last ? encodeCursor(cursorAfter(sort, last)) : null,
    facets: { categories: facets?.categories ?? [], stores: facets?.stores ?? [] },
  }
}

function cursorAfter(sort: CatalogSort, last: RankedEntry): CatalogCursor {
  switch (sort) {
    case 'name': return { sort, key: last.name, id: last.id }
    case 'price-asc':
    case 'price-desc': return { sort, key: last.priceCents, id: last.id }
    case 'relevance': return { sort, key: last.rank ?? '0', id: last.id }
  }
}

function shorten(text: string): string {
  const characters = [...text]
  return characters.length <= LIST_DESCRIPTION_MAX ? text : `${characters.slice(0, LIST_DESCRIPTION_MAX - 1).join('').trimEnd()}…`
}
