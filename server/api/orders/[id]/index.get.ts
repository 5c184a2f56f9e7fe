import { asOfQuery, getOrder } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSignedIn } from '~~/server/utils/auth'
import { readParams, readQuery } from '~~/server/utils/request'

/** The order now, or replayed as of `?version=n` or `?at=ISO`. */
export default defineApiHandler(async (event) => {
  const actor = await requireSignedIn(event)
  const { id } = readParams(event, idParam, 'Order')
  return getOrder(db(), id, actor, readQuery(event, asOfQuery))
})
