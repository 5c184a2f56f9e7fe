import { setResponseStatus } from 'h3'
import { idempotencyKey, orderView, placeOrder, placeOrderInput } from '~~/server/modules/ordering'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer, requireSelf } from '~~/server/utils/auth'
import { recordOrderCommand } from '~~/server/utils/order-command-log'
import { limitOrders } from '~~/server/utils/rate-limits'
import { readJson, readOptionalHeader } from '~~/server/utils/request'

/** 201 with the new pending order; 200 with the earlier one when the Idempotency-Key was seen before. */
export default defineApiHandler(async (event) => {
  const { customerId } = await requireCustomer(event)
  await limitOrders(event, customerId)
  const input = await readJson(event, placeOrderInput)
  const key = readOptionalHeader(event, 'idempotency-key', idempotencyKey)
  await requireSelf(event, input.customerId)
  const { order, created } = await placeOrder({ ...input, idempotencyKey: key })
  recordOrderCommand('placed', { orderId: order.id, customerId, replayed: !created })
  setResponseStatus(event, created ? 201 : 200)
  return orderView(order)
})
