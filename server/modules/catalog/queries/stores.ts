import type { Sql } from '../../../platform/db'
import { selectConfirmDelays, selectStore, selectStores } from '../adapters/stores.pg'
import { storeNotFound } from '../errors'

export function listStores(db: Sql, filter: { participating?: boolean }) {
  return selectStores(db, filter)
}

export async function getStore(db: Sql, id: string) {
  const store = await selectStore(db, id)
  if (!store) throw storeNotFound()
  return store
}

export function storeConfirmDelays(db: Sql, ids: string[]) {
  return selectConfirmDelays(db, ids)
}
