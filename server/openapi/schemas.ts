import { z } from 'zod'

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

export const product = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  name: z.string(),
  description: z.string(),
  stock: z.number().int().min(0),
  price: z.number().describe('Euros, at most two decimals'),
  ...timestamps,
})

export const catalogEntry = product.extend({
  storeName: z.string(),
  storeLocation: z.string(),
  storeParticipating: z.boolean(),
})

export const session = z.object({
  user: z.object({ role: z.enum(['admin', 'customer']), customerId: z.uuid().optional(), name: z.string().optional() }).nullable(),
})

export const health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']), nats: z.enum(['up', 'down']) })
