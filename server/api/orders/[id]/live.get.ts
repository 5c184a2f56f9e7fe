import { getOrder } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSignedIn } from '~~/server/utils/auth'
import { streamOrderChanges } from '~~/server/utils/live-order'
import { readParams } from '~~/server/utils/request'

/** Server-sent events of the order's changes; 404 before the stream opens when it is not the caller's. */
export default defineApiHandler(async (event) => {
  const actor = await requireSignedIn(event)
  const { id } = readParams(event, idParam, 'Order')
  await getOrder(db(), id, actor)
  return streamOrderChanges(event, id, actor)
})
