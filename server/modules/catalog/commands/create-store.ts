import type { Sql } from '../../../platform/db'
import { insertStore } from '../adapters/stores.pg'
import type { StoreInput } from '../schemas'

export function createStore(db: Sql, input: StoreInput) {
  return insertStore(db, input)
}
