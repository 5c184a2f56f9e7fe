import { cancelOrder, orderView } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'

/** The customer or an admin cancels; 409 once delivered or cancelled. */
export default defineApiHandler(async (event) => {
  const actor = await requireSignedIn(event)
  const { id } = readParams(event, idParam, 'Order')
  const order = await cancelOrder(db(), id, actor)
  recordOrderCommand('cancelled', { orderId: order.id, customerId: order.customerId, by: actor.role })
  return orderView(order)
})
