import { z } from 'zod'
import { NAME_MAX } from '../../../shared/limits'
import { cursorNotValid } from './errors'
import type { CatalogSort } from './schemas'

/**
 * Where a catalog page ended, as the sort key of its last product and that product's id (the
 * tiebreak, so products with equal keys are neither skipped nor repeated). Sent to clients as opaque
 * base64url JSON; read back strictly, since anyone can forge one.
 */
export type CatalogCursor =
  | { sort: 'name', key: string, id: string }
  | { sort: 'price-asc' | 'price-desc', key: number, id: string }
  /** The rank as a decimal string: compared as numeric in SQL, so it survives the round trip exactly. */
  | { sort: 'relevance', key: string, id: string }

const id = z.uuid()
const wire = z.discriminatedUnion('s', [
  z.strictObject({ s: z.literal('name'), k: z.string().min(1).max(NAME_MAX * 4), i: id }),
  z.strictObject({ s: z.enum(['price-asc', 'price-desc']), k: z.number().int().min(0).max(2 ** 31 - 1), i: id }),
  z.strictObject({ s: z.literal('relevance'), k: z.string().regex(/^\d{1,6}(\.\d{1,9})?$/), i: id }),
])

export function encodeCursor(cursor: CatalogCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id })).toString('base64url')
}

/** The cursor, if it is one this catalog could have given for this sort; a validation error otherwise. */
export function decodeCursor(text: string, sort: CatalogSort): CatalogCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  }
  catch {
    throw cursorNotValid()
  }
  const result = wire.safeParse(parsed)
  if (!result.success || result.data.s !== sort || /\u0000/.test(String(result.data.k))) throw cursorNotValid()
  return { sort: result.data.s, key: result.data.k, id: result.data.i } as CatalogCursor
}
