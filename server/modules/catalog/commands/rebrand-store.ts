import type { Sql } from '../../../platform/db'
import { updateStore } from '../adapters/stores.pg'
import { storeNotFound } from '../errors'
import type { StorePatch } from '../schemas'
import { storeView } from '../view'

/** Renames or relocates a store, or changes how long it takes to confirm orders. */
export async function rebrandStore(db: Sql, id: string, patch: StorePatch) {
  const changes: Record<string, unknown> = {}
  if (patch.name !== undefined) changes.name = patch.name
  if (patch.location !== undefined) changes.location = patch.location
  if (patch.confirmDelayMs !== undefined) changes.confirm_delay_ms = patch.confirmDelayMs
  const store = await updateStore(db, id, changes)
  if (!store) throw storeNotFound()
  return storeView(store)
}
