import type { Sql } from '../../../platform/db'
import type { Store } from '../catalog'
import type { StoreInput } from '../schemas'

const STORE_COLUMNS = ['id', 'name', 'location', 'participating', 'confirm_delay_ms', 'created_at', 'updated_at']

export async function insertStore(db: Sql, input: StoreInput): Promise<Store> {
  const [store] = await db<Store[]>`
    insert into catalog.stores (name, location)
    values (${input.name}, ${input.location})
    returning ${db(STORE_COLUMNS)}`
  return store!
}

export async function selectStore(db: Sql, id: string): Promise<Store | undefined> {
  const [store] = await db<Store[]>`select ${db(STORE_COLUMNS)} from catalog.stores where id = ${id}`
  return store
}

export async function selectStores(db: Sql, filter: { participating?: boolean }): Promise<Store[]> {
  return db<Store[]>`
    select ${db(STORE_COLUMNS)} from catalog.stores
    where ${filter.participating === undefined ? db`true` : db`participating = ${filter.participating}`}
    order by created_at, id`
}

/** Updates the given columns (snake_case keys) and returns the store, or undefined when it does not exist. */
export async function updateStore(db: Sql, id: string, changes: Record<string, unknown>): Promise<Store | undefined> {
  const [store] = await db<Store[]>`
    update catalog.stores set ${db(changes)}, updated_at = now()
    where id = ${id}
    returning ${db(STORE_COLUMNS)}`
  return store
}

/** Deletes the store; its products go with it (on delete cascade). */
export async function deleteStore(db: Sql, id: string): Promise<boolean> {
  const result = await db`delete from catalog.stores where id = ${id}`
  return result.count > 0
}

/** Each store's own confirmation delay, where it has one. */
export async function selectConfirmDelays(db: Sql, ids: string[]): Promise<Map<string, number>> {
  const rows = await db<{ id: string, confirmDelayMs: number }[]>`
    select id, confirm_delay_ms from catalog.stores where id = any(${ids}::uuid[]) and confirm_delay_ms is not null`
  return new Map(rows.map(row => [row.id, row.confirmDelayMs]))
}
