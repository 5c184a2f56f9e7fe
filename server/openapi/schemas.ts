import { z } from 'zod'
import { ORDER_EVENT_TYPES, ORDER_STATUSES } from '../../shared/types/order'

// Response shapes, for the documentation only: the routes return the module's own types.
export const errorResponse = z.object({
  statusCode: z.number().int(),
  statusMessage: z.string(),
  message: z.string().describe('What went wrong, in words a person can act on'),
  data: z.object({
    code: z.string().describe('VALIDATION, INVALID_JSON, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE, RATE_LIMITED, UNAVAILABLE'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
})

const timestamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() }

export const store = z.object({
  id: z.uuid(),
  name: z.string(),
  location: z.string(),
  participating: z.boolean(),
  confirmDelayMs: z.number().int().nullable().describe('Overrides STORE_CONFIRM_DELAY_MS for this store when set'),
  ...timestamps,
})

export const productImage = z.object({
  id: z.uuid(),
  width: z.number().int().describe('Of the largest rendition, for the img element (no layout shift)'),
  height: z.number().int(),
  src: z.string().describe('/images/{id}/{width}.webp, the rendition nearest 640 px wide'),
  srcset: z.string().describe('Every rendition (320, 640 and 1280 px wide, none wider than the upload), as an img srcset'),
})

export const product = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  name: z.string(),
  description: z.string(),
  stock: z.number().int().min(0),
  price: z.number().describe('Euros, at most two decimals'),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  images: z.array(productImage).describe("In the admin's order; the first is the main picture"),
  ...timestamps,
})

export const catalogEntry = product.extend({
  storeName: z.string(),
  storeLocation: z.string(),
  storeParticipating: z.boolean(),
})

export const category = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  productCount: z.number().int().describe('Its products in every store'),
})

const facet = z.object({ id: z.uuid(), name: z.string(), count: z.number().int().describe('Products that match with this value, under the other filters') })

export const catalogPage = z.object({
  items: z.array(catalogEntry.describe('Descriptions cut to 200 characters: GET /api/products/{id} has the whole text')),
  total: z.number().int(),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last'),
  facets: z.object({ categories: z.array(facet), stores: z.array(facet) }),
})

export const session = z.object({
  user: z.object({ role: z.enum(['admin', 'customer']), customerId: z.uuid().optional(), name: z.string().optional() }).nullable(),
})

export const health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']), nats: z.enum(['up', 'down']) })

// Response shapes of the customers and payments routes, for the documentation only.
export const customer = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().describe('Normalized: digits with an optional leading +'),
  createdAt: z.iso.datetime(),
})
export const passkey = z.object({
  id: z.string().describe('The credential id, base64url'),
  backedUp: z.boolean(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
})
export const passkeyCeremony = z.object({
  verify: z.boolean(),
  attemptId: z.string().optional(),
  user: z.object({ userName: z.string() }).optional(),
  response: z.object({}).loose().optional().describe('The browser\'s WebAuthn response (@simplewebauthn/browser)'),
})
export const payment = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  amount: z.number().describe('Euros, at most two decimals'),
  status: z.enum(['authorized', 'captured', 'voided']),
  orderId: z.uuid().nullable().describe('The order it funds, once claimed'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

export const customerWithCounts = customer.extend({ orderCount: z.number().int(), paymentCount: z.number().int() })

const status = z.enum(ORDER_STATUSES)
const storeStatus = z.enum(['pending', 'Stores_CONFIRMED', 'OUT_OF_STOCK'])

export const order = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  paymentId: z.uuid(),
  status,
  paymentStatus: z.enum(['pending', 'Payment_CONFIRMED', 'NOT_ENOUGH_MONEY']),
  storesStatus: storeStatus,
  stores: z.array(z.object({ storeId: z.uuid(), storeName: z.string(), status: storeStatus })),
  lines: z.array(z.object({ productId: z.uuid(), storeId: z.uuid(), storeName: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: z.number(), lineTotal: z.number() })),
  total: z.number(),
  rejection: z.object({
    reason: z.enum(['NOT_ENOUGH_MONEY', 'OUT_OF_STOCK', 'TIMED_OUT']),
    authorized: z.number().optional(),
    total: z.number().optional(),
    shortLines: z.array(z.object({ productId: z.uuid(), name: z.string(), requested: z.number().int(), available: z.number().int() })).optional(),
  }).nullable(),
  actions: z.object({ pay: z.boolean(), cancel: z.boolean() }).describe('What the customer may still do: the server asks decide(), and decides again on submit'),
  version: z.number().int(),
  placedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
})

export const orderEvent = z.object({
  position: z.number().int(),
  orderId: z.uuid(),
  version: z.number().int(),
  type: z.enum(ORDER_EVENT_TYPES),
  data: z.record(z.string(), z.unknown()),
  messageId: z.uuid(),
  causationId: z.uuid().nullable().describe('The message that caused it; null for an HTTP command'),
  consumer: z.string().nullable(),
  deliveryAttempt: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
})

export const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) })
export const cursorPage = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item), nextCursor: z.string().nullable() })

export const deadLetter = z.object({
  id: z.uuid(), consumer: z.string(), subject: z.string(), messageId: z.string().nullable(), payload: z.string(),
  reason: z.string(), deliveries: z.number().int(), createdAt: z.iso.datetime(), redrivenAt: z.iso.datetime().nullable(),
})

export const pipeline = z.object({
  stream: z.string(),
  natsReachable: z.boolean(),
  consumers: z.array(z.object({ name: z.string(), durable: z.string(), exists: z.boolean(), pending: z.number().int(), inFlight: z.number().int(), redelivered: z.number().int() })),
  outbox: z.object({ unpublished: z.number().int(), oldestSeconds: z.number().nullable() }),
  deadLetters: z.array(deadLetter),
})
