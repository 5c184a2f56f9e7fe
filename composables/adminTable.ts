import type DataTable from 'primevue/datatable'

/** The paginator and layout every admin DataTable shares; bind with v-bind="ADMIN_TABLE". */
export const ADMIN_TABLE = {
  paginator: true,
  paginatorTemplate: 'FirstPageLink PrevPageLink PageLinks NextPageLink LastPageLink CurrentPageReport RowsPerPageDropdown',
  currentPageReportTemplate: '{first}–{last} of {totalRecords}',
  scrollable: true,
  class: 'text-sm',
} as const

/** A client-side table's global search box and CSV export. */
export function useSearchableTable() {
  const table = ref<InstanceType<typeof DataTable>>()
  const filters = ref({ global: { value: null as string | null, matchMode: 'contains' } })
  const exportCsv = () => table.value?.exportCSV()
  return { table, filters, exportCsv }
}
