import type { Sql } from './db'

/** Stores the value unless the key already has one; returns the value in force (ours, or a replica's that won the race). */
export async function settingOrCreate(db: Sql, key: string, create: () => string): Promise<{ value: string, created: boolean }> {
  const candidate = create()
  const [inserted] = await db<{ value: string }[]>`
    insert into platform.settings (key, value) values (${key}, ${candidate})
    on conflict (key) do nothing
    returning value`
  if (inserted) return { value: inserted.value, created: true }
  const [existing] = await db<{ value: string }[]>`select value from platform.settings where key = ${key}`
  return { value: existing!.value, created: false }
}

export async function setting(db: Sql, key: string): Promise<string | undefined> {
  const [row] = await db<{ value: string }[]>`select value from platform.settings where key = ${key}`
  return row?.value
}

/** Stores the value, replacing the key's earlier one. */
export async function putSetting(db: Sql, key: string, value: string): Promise<void> {
  await db`
    insert into platform.settings (key, value) values (${key}, ${value})
    on conflict (key) do update set value = excluded.value, created_at = now()`
}
