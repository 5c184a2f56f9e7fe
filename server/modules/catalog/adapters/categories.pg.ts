import type { Sql } from '../../../platform/db'
import type { Category } from '../catalog'

export async function insertCategory(db: Sql, category: { name: string, slug: string }): Promise<Category> {
  const [row] = await db<Category[]>`
    insert into catalog.categories (name, slug) values (${category.name}, ${category.slug})
    returning id, name, slug, 0 as product_count`
  return row!
}

/** Renames the category (and gives it the new name's slug); undefined when it does not exist. */
export async function updateCategory(db: Sql, id: string, category: { name: string, slug: string }): Promise<Category | undefined> {
  const [row] = await db<Category[]>`
    update catalog.categories c set name = ${category.name}, slug = ${category.slug}, updated_at = now()
    where c.id = ${id}
    returning c.id, c.name, c.slug, (select count(*) from catalog.products p where p.category_id = c.id) as product_count`
  return row
}

/** Deletes the category; its products stay, without a category (on delete set null). */
export async function deleteCategory(db: Sql, id: string): Promise<boolean> {
  const result = await db`delete from catalog.categories where id = ${id}`
  return result.count > 0
}

/** Every category by name, each with how many products it holds in every store. */
export async function selectCategories(db: Sql): Promise<Category[]> {
  return db<Category[]>`
    select c.id, c.name, c.slug, count(p.id) as product_count
    from catalog.categories c
    left join catalog.products p on p.category_id = c.id
    group by c.id
    order by lower(c.name), c.id`
}

/** Slugs already taken that start like this one, so a new category can take the next free one. */
export async function selectSlugsLike(db: Sql, slug: string, exceptId?: string): Promise<string[]> {
  const rows = await db<{ slug: string }[]>`
    select slug from catalog.categories
    where (slug = ${slug} or slug like ${`${slug}-%`}) and id is distinct from ${exceptId ?? null}::uuid`
  return rows.map(row => row.slug)
}
