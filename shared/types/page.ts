/** One page of a list the server pages (orders, events). */
export interface Page<T> {
  total: number
  page: number
  pageSize: number
  items: T[]
}
