import { z } from 'zod'
import { envelope } from '../shared/messages'

export const STORE_SUBJECTS = {
  StoreConfirmed: 'catalog.store-confirmed',
  StoreRejected: 'catalog.store-rejected',
} as const

export const storeResultMessage = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('StoreConfirmed'), storeId: z.uuid() }),
  z.object({
    ...envelope,
    type: z.literal('StoreRejected'),
    storeId: z.uuid(),
    reason: z.literal('OUT_OF_STOCK'),
    shortLines: z.array(z.object({ productId: z.uuid(), name: z.string(), requested: z.number().int(), available: z.number().int() })),
  }),
])

export type StoreResultMessage = z.infer<typeof storeResultMessage>
