import { z } from 'zod'
import { uuid } from '../shared/text'

export const MAX_LINES = 100
export const MAX_QUANTITY = 1000

export const placeOrderInput = z.strictObject({
  customerId: uuid,
  paymentId: uuid,
  items: z.array(z.strictObject({
    productId: uuid,
    quantity: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  })).min(1, 'must list at least one item').max(MAX_LINES, `must list at most ${MAX_LINES} items`),
})

/** Idempotency-Key header: any printable ASCII token a client chooses, e.g. a UUID. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7E]{1,200}$/, 'Idempotency-Key must be 1–200 printable ASCII characters')

const page = z.coerce.number().int().min(1).max(100_000).default(1)
const pageSize = z.coerce.number().int().min(1).max(200).default(20)
const sort = z.enum(['asc', 'desc']).default('desc')

export const orderListQuery = z.object({
  status: z.enum(['pending', 'accepted', 'rejected', 'delivered', 'cancelled']).optional(),
  customerId: uuid.optional(),
  q: z.string().trim().max(36).regex(/^[0-9a-fA-F-]*$/, 'search by the start of an order or customer id').optional(),
  sort,
  page,
  pageSize,
})

export const eventListQuery = z.object({
  orderId: uuid.optional(),
  type: z.enum(['OrderPlaced', 'PaymentConfirmed', 'PaymentRejected', 'StoreConfirmed', 'StoreRejected', 'OrderAccepted', 'OrderRejected', 'OrderDelivered', 'OrderCancelled']).optional(),
  sort,
  page,
  pageSize,
})

/** What an export takes: the list's filters and sort, without paging (it has every matching row). */
export const orderExportQuery = orderListQuery.omit({ page: true, pageSize: true })
export const eventExportQuery = eventListQuery.omit({ page: true, pageSize: true })

export const asOfQuery = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  at: z.iso.datetime({ offset: true }).transform(value => new Date(value)).optional(),
}).refine(query => !(query.version !== undefined && query.at !== undefined), 'give either version or at, not both')

export type PlaceOrderInput = z.output<typeof placeOrderInput>
export type OrderListQuery = z.output<typeof orderListQuery>
export type EventListQuery = z.output<typeof eventListQuery>
export type OrderExportQuery = z.output<typeof orderExportQuery>
export type EventExportQuery = z.output<typeof eventExportQuery>
