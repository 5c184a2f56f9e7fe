import { orderView, payOrder } from '~~/server/modules/ordering'
import { idParam } from '~~/server/modules/shared/text'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer } from '~~/server/utils/auth'
import { recordOrderCommand } from '~~/server/utils/order-command-log'
import { readParams } from '~~/server/utils/request'

/** Only the customer pays (403 for the admin); 409 unless the order is accepted. */
export default defineApiHandler(async (event) => {
  const { customerId } = await requireCustomer(event)
  const { id } = readParams(event, idParam, 'Order')
  const order = await payOrder(db(), id, { role: 'customer', customerId })
  recordOrderCommand('paid', { orderId: order.id, customerId })
  return orderView(order)
})
