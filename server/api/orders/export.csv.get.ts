import { exportOrders, ORDER_CSV_COLUMNS, orderExportQuery } from '~~/server/modules/ordering'
import { exportDb } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { csvFilename, sendCsv } from '~~/server/utils/csv-download'
import { readQuery } from '~~/server/utils/request'

/** Every order the list's filters match, as CSV (GET /api/orders pages through the same rows). */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return sendCsv(event, csvFilename('orders'), ORDER_CSV_COLUMNS, exportOrders(exportDb(), readQuery(event, orderExportQuery)))
})
