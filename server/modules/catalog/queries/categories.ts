import type { Sql } from '../../../platform/db'
import { selectCategories } from '../adapters/categories.pg'
import { categoryView } from '../view'

export async function listCategories(db: Sql) {
  return (await selectCategories(db)).map(categoryView)
}
