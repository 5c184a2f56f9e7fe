/** One page of a list the server pages (orders, events). */
export interface Page<T> {
  total: number
  page: number
  pageSize: number
  items: T[]
}

/** One page of a list read with a cursor (a customer's orders): newest first, `nextCursor` null on the last. */
export interface CursorPage<T> {
  total: number
  items: T[]
  nextCursor: string | null
}
