import { EVENT_CSV_COLUMNS, eventExportQuery, exportEvents } from '~~/server/modules/ordering'
import { exportDb } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { csvFilename, sendCsv } from '~~/server/utils/csv-download'
import { readQuery } from '~~/server/utils/request'

/** Every event the log's filters match, as CSV (GET /api/order-events pages through the same rows). */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return sendCsv(event, csvFilename('order-events'), EVENT_CSV_COLUMNS, exportEvents(exportDb(), readQuery(event, eventExportQuery)))
})
