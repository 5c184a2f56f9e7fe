import { orderView, payOrder } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { notFound } from '~~/server/platform/errors'

/** Only the customer pays; 409 unless the order is accepted. */
export default defineApiHandler(async (event) => {
  const actor = await requireActor(event)
  const { id } = readParams(event, idParam, 'Order')
  if (actor.role !== 'customer') throw notFound('Order')
  return orderView(await payOrder(db(), id, actor))
})
