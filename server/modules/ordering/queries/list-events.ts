import type { Sql } from '../../../platform/db'
import { cursorEvents, selectAllEvents } from '../adapters/order-events.pg'
import { eventCsvRecord } from '../csv'
import type { EventExportQuery, EventListQuery } from '../schemas'
import { eventView } from '../view'

/** Every event of every order, a page at a time: the event-sourcing view. */
export async function listAllEvents(db: Sql, query: EventListQuery) {
  const { total, events } = await selectAllEvents(db, query)
  return { total, page: query.page, pageSize: query.pageSize, items: events.map(eventView) }
}

/** Every event the log's filters match (not one page), as CSV records, read a cursor batch at a time. */
export async function* exportEvents(db: Sql, query: EventExportQuery) {
  for await (const events of cursorEvents(db, query)) {
    for (const event of events) yield eventCsvRecord(eventView(event))
  }
}
