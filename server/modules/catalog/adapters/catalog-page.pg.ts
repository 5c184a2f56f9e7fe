import type { Fragment } from 'postgres'
import type { Sql } from '../../../platform/db'
import type { CatalogEntry } from '../catalog'
import type { CatalogCursor } from '../cursor'
import type { CatalogSort } from '../schemas'
import { productColumns } from './products.pg'

/** What a shopper narrowed the catalog to. Only participating stores' products are ever on sale. */
export interface CatalogFilter {
  /** Search text as typed; undefined for none. */
  q?: string
  categoryId?: string
  storeId?: string
  ids?: string[]
}

export interface RankedEntry extends CatalogEntry {
  /** The search rank as a decimal string; null when not searching. */
  rank: string | null
}

export interface CatalogFacets {
  total: number
  categories: { id: string, name: string, count: number }[]
  stores: { id: string, name: string, count: number }[]
}

/** The search text folded (lower case, no accents) and parsed; the planner computes each once. */
const folded = (db: Sql, q: string) => db`catalog.fold(${q})`
const parsed = (db: Sql, q: string) => db`websearch_to_tsquery('english', catalog.fold(${q}))`

/**
 * A product matches a search when its words do (full text, English stemming, name weighing more than
 * description) or when its name is close to the text, letter by letter (pg_trgm): a word with a typo
 * ("choclate") or a prefix still being typed ("choc"). catalog.search_product_ids (migrations/015)
 * makes sure each way is looked up in its index. As an array, the ids are then read by primary key,
 * never by a scan of every product joined to them.
 */
const searchMatches = (db: Sql, q: string) => db`p.id = any(array(select catalog.search_product_ids(${q})))`

/** Full-text rank (doubled: a word match beats a near miss) plus how closely the name matches. */
const searchRank = (db: Sql, q: string) => db`round((
  ts_rank(p.search_document, ${parsed(db, q)}) * 2
  + word_similarity(${folded(db, q)}, p.search_name))::numeric, 6)`

/** On sale, and matching the search text and ids: what every count and page starts from. */
function onSale(db: Sql, filter: CatalogFilter): Fragment {
  return db`s.participating
    and ${filter.q === undefined ? db`true` : searchMatches(db, filter.q)}
    and ${filter.ids === undefined ? db`true` : db`p.id = any(${filter.ids}::uuid[])`}`
}

const inCategory = (db: Sql, filter: CatalogFilter) =>
  filter.categoryId === undefined ? db`true` : db`coalesce(p.category_id = ${filter.categoryId}::uuid, false)`
const inStore = (db: Sql, filter: CatalogFilter) =>
  filter.storeId === undefined ? db`true` : db`p.store_id = ${filter.storeId}::uuid`
/** In the chosen category or the chosen store: what any facet counts. Plain, so their indexes serve it. */
const eitherChoice = (db: Sql, filter: CatalogFilter) =>
  filter.categoryId === undefined || filter.storeId === undefined
    ? db`true`
    : db`(p.category_id = ${filter.categoryId}::uuid or p.store_id = ${filter.storeId}::uuid)`

const ORDER: Record<CatalogSort, (db: Sql) => Fragment> = {
  name: db => db`name, id`,
  'price-asc': db => db`price_cents, id`,
  'price-desc': db => db`price_cents desc, id desc`,
  relevance: db => db`rank desc, id desc`,
}

/** Rows after the cursor in the page's order: the same key and id, compared as a row. */
function after(db: Sql, cursor: CatalogCursor | undefined): Fragment {
  if (!cursor) return db`true`
  switch (cursor.sort) {
    case 'name': return db`(name, id) > (${cursor.key}::text, ${cursor.id}::uuid)`
    case 'price-asc': return db`(price_cents, id) > (${cursor.key}::integer, ${cursor.id}::uuid)`
    case 'price-desc': return db`(price_cents, id) < (${cursor.key}::integer, ${cursor.id}::uuid)`
    case 'relevance': return db`(rank, id) < (${cursor.key}::numeric, ${cursor.id}::uuid)`
  }
}

/** Up to `limit` products after the cursor, in the sort's order. Relevance needs a search text. */
export async function selectCatalogPage(db: Sql, filter: CatalogFilter, sort: CatalogSort, cursor: CatalogCursor | undefined, limit: number): Promise<RankedEntry[]> {
  const rank = filter.q === undefined ? db`null::numeric` : searchRank(db, filter.q)
  return db<RankedEntry[]>`
    select * from (
      select ${productColumns(db)}, s.name as store_name, s.location as store_location,
             s.participating as store_participating, ${rank} as rank
      from catalog.products p
      join catalog.stores s on s.id = p.store_id
      where ${onSale(db, filter)} and ${inCategory(db, filter)} and ${inStore(db, filter)}
    ) entry
    where ${after(db, cursor)}
    order by ${ORDER[sort](db)}
    limit ${limit}`
}

/**
 * How many products match, and per category (and per store) how many would match choosing it instead
 * of the current choice: each facet is counted under the other filters, never under its own.
 */
export async function selectCatalogFacets(db: Sql, filter: CatalogFilter): Promise<CatalogFacets> {
  const [row] = await db<CatalogFacets[]>`
    with matched as materialized (
      select p.category_id, p.store_id, ${inCategory(db, filter)} as in_category, ${inStore(db, filter)} as in_store
      from catalog.products p
      join catalog.stores s on s.id = p.store_id
      where ${onSale(db, filter)} and ${eitherChoice(db, filter)}
    )
    select
      (select count(*) from matched where in_category and in_store) as total,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'count', count) order by lower(name), id), '[]')
       from (
         select c.id, c.name, count(m.category_id) as count
         from catalog.categories c
         left join matched m on m.category_id = c.id and m.in_store
         group by c.id
         having count(m.category_id) > 0 or c.id = ${filter.categoryId ?? null}::uuid
       ) facet) as categories,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'count', count) order by lower(name), id), '[]')
       from (
         select s.id, s.name, count(m.store_id) as count
         from catalog.stores s
         left join matched m on m.store_id = s.id and m.in_category
         where s.participating
         group by s.id
         having count(m.store_id) > 0 or s.id = ${filter.storeId ?? null}::uuid
       ) facet) as stores`
  return row!
}
