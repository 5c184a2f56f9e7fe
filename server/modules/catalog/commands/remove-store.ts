import type { Sql } from '../../../platform/db'
import { deleteStore } from '../adapters/stores.pg'
import { storeNotFound } from '../errors'

/** Removes the store and its products. */
export async function removeStore(db: Sql, id: string): Promise<void> {
  if (!(await deleteStore(db, id))) throw storeNotFound()
}
