import { z } from 'zod'
import { BASKET_MAX_QUANTITY, ORDER_MAX_LINES } from '../../../shared/limits'
import { ORDER_EVENT_TYPES, ORDER_STATUSES } from '../../../shared/types/order'
import { uuid, uuidPrefix } from '../shared/text'

export const placeOrderInput = z.strictObject({
  customerId: uuid,
  paymentId: uuid,
  items: z.array(z.strictObject({
    productId: uuid,
    quantity: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(BASKET_MAX_QUANTITY, `must be at most ${BASKET_MAX_QUANTITY}`),
  })).min(1, 'must list at least one item').max(ORDER_MAX_LINES, `must list at most ${ORDER_MAX_LINES} items`),
})

/** Idempotency-Key header: any printable ASCII token a client chooses, e.g. a UUID. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7E]{1,200}$/, 'Idempotency-Key must be 1–200 printable ASCII characters')

const page = z.coerce.number().int().min(1).max(100_000).default(1)
const pageSize = z.coerce.number().int().min(1).max(200).default(20)
const sort = z.enum(['asc', 'desc']).default('desc')

export const orderListQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: uuid.optional(),
  // The start of an order or a customer id.
  q: uuidPrefix.optional(),
  sort,
  page,
  pageSize,
})

export const eventListQuery = z.object({
  // The order's id, or its start (the short id pages show).
  orderId: uuidPrefix.optional(),
  type: z.enum(ORDER_EVENT_TYPES).optional(),
  sort,
  page,
  pageSize,
})

/** What an export takes: the list's filters and sort, without paging (it has every matching row). */
export const orderExportQuery = orderListQuery.omit({ page: true, pageSize: true })
export const eventExportQuery = eventListQuery.omit({ page: true, pageSize: true })

/** A customer's orders, newest first, a page at a time: `cursor` is the nextCursor of the page before. */
export const customerOrdersQuery = z.object({
  cursor: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

export const asOfQuery = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  at: z.iso.datetime({ offset: true }).transform(value => new Date(value)).optional(),
}).refine(query => !(query.version !== undefined && query.at !== undefined), 'give either version or at, not both')

export type PlaceOrderInput = z.output<typeof placeOrderInput>
export type OrderListQuery = z.output<typeof orderListQuery>
export type CustomerOrdersQuery = z.output<typeof customerOrdersQuery>
export type EventListQuery = z.output<typeof eventListQuery>
export type OrderExportQuery = z.output<typeof orderExportQuery>
export type EventExportQuery = z.output<typeof eventExportQuery>
