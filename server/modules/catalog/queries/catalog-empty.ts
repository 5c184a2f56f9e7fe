import type { Sql } from '../../../platform/db'
import { selectCatalogEmpty } from '../adapters/catalog-empty.pg'

/** Whether the mall has nothing in it yet: no store, no product, no category (the demo mall fills only such a one). */
export function isCatalogEmpty(db: Sql): Promise<boolean> {
  return selectCatalogEmpty(db)
}
