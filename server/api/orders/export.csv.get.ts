import { exportOrders, ORDER_CSV_COLUMNS, orderExportQuery } from '~~/server/modules/ordering'
import { exportDb } from '~~/server/platform/db'

/** Every order the list's filters match, as CSV (GET /api/orders pages through the same rows). */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return sendCsv(event, csvFilename('orders'), ORDER_CSV_COLUMNS, exportOrders(exportDb(), readQuery(event, orderExportQuery)))
})
