/** Paging and sort of a server-side table (GET /api/orders, /api/order-events), as query parameters. */
export function useServerPage(initialPageSize = 20) {
  const page = ref(1)
  const pageSize = ref(initialPageSize)
  const sort = ref<'asc' | 'desc'>('desc')

  function onPage(first: number, rows: number) {
    pageSize.value = rows
    page.value = Math.floor(first / rows) + 1
  }
  function onSort(order: 'asc' | 'desc') {
    sort.value = order
    page.value = 1
  }

  return { page, pageSize, sort, onPage, onSort }
}
