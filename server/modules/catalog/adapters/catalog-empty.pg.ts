import type { Sql } from '../../../platform/db'

/** True while the catalog has no store (and so no product: each belongs to one) and no category. */
export async function selectCatalogEmpty(db: Sql): Promise<boolean> {
  const [row] = await db<{ empty: boolean }[]>`
    select not exists (select 1 from catalog.stores) and not exists (select 1 from catalog.categories) as empty`
  return row!.empty
}
