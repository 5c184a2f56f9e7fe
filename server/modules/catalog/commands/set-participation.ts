import type { Sql } from '../../../platform/db'
import { updateStore } from '../adapters/stores.pg'
import { storeNotFound } from '../errors'
import { storeView } from '../view'

/** Only participating stores appear on the shopping page. Setting the current value again is a no-op. */
export async function setParticipation(db: Sql, id: string, participating: boolean) {
  const store = await updateStore(db, id, { participating })
  if (!store) throw storeNotFound()
  return storeView(store)
}
