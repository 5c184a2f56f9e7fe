import { cancelOrder, orderView } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireSignedIn } from '~~/server/utils/auth'
import { recordOrderCommand } from '~~/server/utils/order-command-log'
import { readParams } from '~~/server/utils/request'

/** The customer or an admin cancels; 409 once delivered or cancelled. */
export default defineApiHandler(async (event) => {
  const actor = await requireSignedIn(event)
  const { id } = readParams(event, idParam, 'Order')
  const order = await cancelOrder(db(), id, actor)
  recordOrderCommand('cancelled', { orderId: order.id, customerId: order.customerId, by: actor.role })
  return orderView(order)
})
