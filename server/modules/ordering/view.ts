import { toEuros } from '../shared/money'
import type { StoredEvent } from './adapters/order-events.pg'
import type { Order } from './order'

/** An order as the HTTP API shows it: euros instead of cents, stores named. */
export function orderView(order: Order) {
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
    version: order.version,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    deadlineAt: order.deadlineAt,
  }
}

export type OrderView = ReturnType<typeof orderView>

export function eventView(stored: StoredEvent) {
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

export type EventView = ReturnType<typeof eventView>
