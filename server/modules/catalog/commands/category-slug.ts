import type { Sql } from '../../../platform/db'
import { selectSlugsLike } from '../adapters/categories.pg'
import { isCategorySlugTaken } from '../errors'
import { slugify } from '../slug'

/**
 * Writes a category under the first free slug for its name ("tea", then "tea-2", …). Two names can
 * share a slug ("Tea & Coffee", "Tea, coffee"); two writers can race for one, so the loser tries again.
 */
export async function withFreeSlug<T>(db: Sql, name: string, exceptId: string | undefined, write: (slug: string) => Promise<T>): Promise<T> {
  const base = slugify(name)
  for (let attempt = 1; ; attempt++) {
    const taken = new Set(await selectSlugsLike(db, base, exceptId))
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    try {
      return await write(slug)
    }
    catch (error) {
      if (!isCategorySlugTaken(error) || attempt === 3) throw error
    }
  }
}
