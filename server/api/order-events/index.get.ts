import { eventListQuery, listAllEvents } from '~~/server/modules/ordering'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireAdmin } from '~~/server/utils/auth'
import { readQuery } from '~~/server/utils/request'

/** Every event of every order: the event-sourcing view. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return listAllEvents(db(), readQuery(event, eventListQuery))
})
