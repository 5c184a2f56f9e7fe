import type { Sql } from '../../../platform/db'
import { selectConfirmDelays, selectStore, selectStores } from '../adapters/stores.pg'
import { storeNotFound } from '../errors'
import { storeView } from '../view'

export async function listStores(db: Sql, filter: { participating?: boolean }) {
  return (await selectStores(db, filter)).map(storeView)
}

export async function getStore(db: Sql, id: string) {
  const store = await selectStore(db, id)
  if (!store) throw storeNotFound()
  return storeView(store)
}

export function storeConfirmDelays(db: Sql, ids: string[]) {
  return selectConfirmDelays(db, ids)
}
