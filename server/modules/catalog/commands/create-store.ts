import type { Sql } from '../../../platform/db'
import { insertStore } from '../adapters/stores.pg'
import type { StoreInput } from '../schemas'
import { storeView } from '../view'

export async function createStore(db: Sql, input: StoreInput) {
  return storeView(await insertStore(db, input))
}
