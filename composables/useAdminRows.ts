/**
 * The rows of an admin list as useFetch holds them, and the rows the admin selected. useFetch data is
 * a shallow ref, so every change replaces the array and the row, never mutates them in place.
 */
export function useAdminRows<T extends { id: string }>(rows: Ref<T[]>) {
  const selection = ref<T[]>([]) as Ref<T[]>

  /** A saved row: replaces the one with its id, or comes last if it is new. */
  function put(saved: T) {
    rows.value = rows.value.some(row => row.id === saved.id)
      ? rows.value.map(row => (row.id === saved.id ? saved : row))
      : [...rows.value, saved]
  }

  function patch(id: string, changes: Partial<T>) {
    rows.value = rows.value.map(row => (row.id === id ? { ...row, ...changes } : row))
  }

  /** Deleted rows leave the table and the selection. */
  function drop(ids: Iterable<string>) {
    const gone = new Set(ids)
    rows.value = rows.value.filter(row => !gone.has(row.id))
    selection.value = selection.value.filter(row => !gone.has(row.id))
  }

  return { selection, put, patch, drop }
}
