import type { EventView, OrderView } from '../../../shared/types/order'
import { toEuros } from '../shared/money'
import type { StoredEvent } from './adapters/order-events.pg'
import { availableActions, type Order } from './order'

export type { EventView, OrderView }

/** An order as the HTTP API shows it: euros instead of cents, stores named, what may still be done. */
export function orderView(order: Order): OrderView {
  const storeNames = new Map(order.lines.map(line => [line.storeId, line.storeName]))
  return {
    id: order.id,
    customerId: order.customerId,
    paymentId: order.paymentId,
    status: order.status,
    paymentStatus: order.paymentStatus,
    storesStatus: order.storesStatus,
    stores: Object.entries(order.storeStatuses).map(([storeId, status]) => ({ storeId, storeName: storeNames.get(storeId) ?? '', status })),
    lines: order.lines.map(line => ({
      productId: line.productId,
      storeId: line.storeId,
      storeName: line.storeName,
      name: line.name,
      quantity: line.quantity,
      unitPrice: toEuros(line.unitPriceCents),
      lineTotal: toEuros(line.unitPriceCents * line.quantity),
    })),
    total: toEuros(order.totalCents),
    rejection: order.rejection && {
      reason: order.rejection.reason,
      ...(order.rejection.authorizedCents !== undefined ? { authorized: toEuros(order.rejection.authorizedCents) } : {}),
      ...(order.rejection.totalCents !== undefined ? { total: toEuros(order.rejection.totalCents) } : {}),
      ...(order.rejection.shortLines ? { shortLines: order.rejection.shortLines } : {}),
    },
    actions: availableActions(order),
    version: order.version,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    deadlineAt: order.deadlineAt,
  }
}

export function eventView(stored: StoredEvent): EventView {
  return {
    position: stored.position,
    orderId: stored.orderId,
    version: stored.version,
    type: stored.event.type,
    data: stored.event.data,
    messageId: stored.messageId,
    causationId: stored.causationId,
    consumer: stored.consumer,
    deliveryAttempt: stored.deliveryAttempt,
    createdAt: stored.at,
  }
}
