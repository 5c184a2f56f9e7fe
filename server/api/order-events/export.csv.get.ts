import { EVENT_CSV_COLUMNS, eventExportQuery, exportEvents } from '~~/server/modules/ordering'
import { exportDb } from '~~/server/platform/db'

/** Every event the log's filters match, as CSV (GET /api/order-events pages through the same rows). */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return sendCsv(event, csvFilename('order-events'), EVENT_CSV_COLUMNS, exportEvents(exportDb(), readQuery(event, eventExportQuery)))
})
