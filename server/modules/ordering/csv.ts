import type { EventView, OrderView } from './view'

type Cell = string | number | null

/**
 * The columns of the order export: the JSON API's field names, so a script reads either the same
 * way. Ids are whole, money has two decimals, times are ISO 8601 (UTC).
 */
export const ORDER_CSV_COLUMNS = ['id', 'status', 'paymentStatus', 'storesStatus', 'customerId', 'paymentId', 'total', 'lines', 'rejection', 'placedAt', 'updatedAt'] as const

export function orderCsvRecord(order: OrderView): Record<typeof ORDER_CSV_COLUMNS[number], Cell> {
  return {
    id: order.id,
    status: order.status,
    paymentStatus: order.paymentStatus,
    storesStatus: order.storesStatus,
    customerId: order.customerId,
    paymentId: order.paymentId,
    total: order.total.toFixed(2),
    lines: order.lines.map(line => `${line.quantity} × ${line.name} (${line.storeName})`).join('; '),
    rejection: order.rejection?.reason ?? null,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
  }
}

/** The columns of the event-log export; `data` is the event's payload as JSON. */
export const EVENT_CSV_COLUMNS = ['position', 'orderId', 'version', 'type', 'createdAt', 'messageId', 'causationId', 'consumer', 'deliveryAttempt', 'data'] as const

export function eventCsvRecord(event: EventView): Record<typeof EVENT_CSV_COLUMNS[number], Cell> {
  return {
    position: event.position,
    orderId: event.orderId,
    version: event.version,
    type: event.type,
    createdAt: event.createdAt,
    messageId: event.messageId,
    causationId: event.causationId,
    consumer: event.consumer,
    deliveryAttempt: event.deliveryAttempt,
    data: JSON.stringify(event.data),
  }
}
