import { uuidPrefixRange } from '../../../../shared/ids'
import type { Sql } from '../../../platform/db'

/** The uuid column starts with `prefix` (the short id pages show, or more): a range its btree index serves. */
export function idStartsWith(db: Sql, column: 'id' | 'order_id' | 'customer_id', prefix: string) {
  const { from, to } = uuidPrefixRange(prefix)
  return db`${db(column)} between ${from}::uuid and ${to}::uuid`
}
