import { eventListQuery, listAllEvents } from '~~/server/modules/ordering'
import { db } from '~~/server/platform/db'

/** Every event of every order: the event-sourcing view. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listAllEvents(db(), readQuery(event, eventListQuery))
})
