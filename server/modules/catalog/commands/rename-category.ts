import type { Sql } from '../../../platform/db'
import { updateCategory } from '../adapters/categories.pg'
import { categoryNameTaken, categoryNotFound, isCategoryNameTaken } from '../errors'
import type { CategoryInput } from '../schemas'
import { categoryView } from '../view'
import { withFreeSlug } from './category-slug'

/** Renames a category; its slug follows the name. */
export async function renameCategory(db: Sql, id: string, input: CategoryInput) {
  try {
    const category = await withFreeSlug(db, input.name, id, slug => updateCategory(db, id, { name: input.name, slug }))
    if (!category) throw categoryNotFound()
    return categoryView(category)
  }
  catch (error) {
    if (isCategoryNameTaken(error)) throw categoryNameTaken(input.name)
    throw error
  }
}
