import type { Sql } from '../../../platform/db'
import { deleteCategory } from '../adapters/categories.pg'
import { categoryNotFound } from '../errors'

/** Removes a category; its products stay on sale, in no category. */
export async function removeCategory(db: Sql, id: string): Promise<void> {
  if (!(await deleteCategory(db, id))) throw categoryNotFound()
}
