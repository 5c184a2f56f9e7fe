import type { Sql } from '../../../platform/db'
import { insertCategory } from '../adapters/categories.pg'
import { categoryNameTaken, isCategoryNameTaken } from '../errors'
import type { CategoryInput } from '../schemas'
import { categoryView } from '../view'
import { withFreeSlug } from './category-slug'

/** A new mall-wide category; 409 when one of that name (ignoring case) exists. */
export async function createCategory(db: Sql, input: CategoryInput) {
  try {
    return categoryView(await withFreeSlug(db, input.name, undefined, slug => insertCategory(db, { name: input.name, slug })))
  }
  catch (error) {
    if (isCategoryNameTaken(error)) throw categoryNameTaken(input.name)
    throw error
  }
}
