import type { Sql } from '../../../platform/db'
import type { CatalogEntry, Product } from '../catalog'

const PRODUCT_COLUMNS = ['id', 'store_id', 'name', 'description', 'stock', 'price_cents', 'category_id', 'created_at', 'updated_at']

/** A product row `p` with its category's name: the columns of Product. */
export const productColumns = (db: Sql) => db`
  p.id, p.store_id, p.name, p.description, p.stock, p.price_cents, p.created_at, p.updated_at,
  p.category_id, (select c.name from catalog.categories c where c.id = p.category_id) as category_name`

export interface NewProduct {
  storeId: string
  name: string
  description: string
  stock: number
  priceCents: number
  categoryId: string | null
}

/**
 * Inserts the product into its store, with its initial stock as a movement; undefined when the store
 * does not exist. An unknown category fails on products_category_id_fkey.
 */
export async function insertProduct(db: Sql, product: NewProduct): Promise<Product | undefined> {
  const [row] = await db<Product[]>`
    with inserted as (
      insert into catalog.products (store_id, name, description, stock, price_cents, category_id)
      select id, ${product.name}, ${product.description}, ${product.stock}, ${product.priceCents}, ${product.categoryId}
      from catalog.stores where id = ${product.storeId}
      returning ${db(PRODUCT_COLUMNS)}
    ), movement as (
      insert into catalog.stock_movements (product_id, delta) select id, stock from inserted
    )
    select ${productColumns(db)} from inserted p`
  return row
}

export async function selectProduct(db: Sql, id: string): Promise<Product | undefined> {
  const [row] = await db<Product[]>`select ${productColumns(db)} from catalog.products p where p.id = ${id}`
  return row
}

export async function selectStoreProducts(db: Sql, storeId: string): Promise<Product[]> {
  return db<Product[]>`
    select ${productColumns(db)} from catalog.products p
    where p.store_id = ${storeId}
    order by p.created_at, p.id`
}

/** The catalog across stores, optionally only participating stores and matching a search text. */
export async function selectCatalog(db: Sql, filter: { participating?: boolean, q?: string }): Promise<CatalogEntry[]> {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined
  return db<CatalogEntry[]>`
    select ${productColumns(db)},
           s.name as store_name, s.location as store_location, s.participating as store_participating
    from catalog.products p
    join catalog.stores s on s.id = p.store_id
    where ${filter.participating === undefined ? db`true` : db`s.participating = ${filter.participating}`}
      and ${pattern === undefined ? db`true` : db`(p.name ilike ${pattern} or p.description ilike ${pattern} or s.name ilike ${pattern})`}
    order by s.name, p.name, p.id`
}

export interface ProductChanges {
  name?: string
  description?: string
  stock?: number
  priceCents?: number
  /** null takes the product out of its category; undefined leaves it. */
  categoryId?: string | null
}

/**
 * Applies the changes given (others keep their value). A new stock count is recorded as a movement of
 * the difference to the stock it replaces, read under the same row lock.
 */
export async function updateProduct(db: Sql, id: string, changes: ProductChanges): Promise<Product | undefined> {
  const [row] = await db<Product[]>`
    with previous as (
      select id, stock from catalog.products where id = ${id} for update
    ), updated as (
      update catalog.products p set
        name = coalesce(${changes.name ?? null}, p.name),
        description = coalesce(${changes.description ?? null}, p.description),
        stock = coalesce(${changes.stock ?? null}::integer, p.stock),
        price_cents = coalesce(${changes.priceCents ?? null}::integer, p.price_cents),
        category_id = ${changes.categoryId === undefined ? db`p.category_id` : db`${changes.categoryId}::uuid`},
        updated_at = now()
      from previous
      where p.id = previous.id
      returning ${db(PRODUCT_COLUMNS.map(column => `p.${column}`))}, previous.stock as previous_stock
    ), movement as (
      insert into catalog.stock_movements (product_id, delta)
      select id, stock - previous_stock from updated where stock <> previous_stock
    )
    select ${productColumns(db)} from updated p`
  return row
}

export async function deleteProducts(db: Sql, ids: string[]): Promise<string[]> {
  const rows = await db<{ id: string }[]>`delete from catalog.products where id = any(${ids}::uuid[]) returning id`
  return rows.map(row => row.id)
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`)
}

export async function selectProductsForPricing(db: Sql, ids: string[]) {
  return db<{ id: string, storeId: string, storeName: string, storeParticipating: boolean, name: string, priceCents: number }[]>`
    select p.id, p.store_id, s.name as store_name, s.participating as store_participating, p.name, p.price_cents
    from catalog.products p join catalog.stores s on s.id = p.store_id
    where p.id = any(${ids}::uuid[])`
}
