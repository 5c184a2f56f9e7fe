import { getOrderEvents } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSignedIn } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

export default defineApiHandler(async (event) => {
  const actor = await requireSignedIn(event)
  const { id } = readParams(event, idParam, 'Order')
  return getOrderEvents(db(), id, actor)
})
