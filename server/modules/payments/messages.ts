import { z } from 'zod'
import { envelope } from '../shared/messages'

export const PAYMENT_SUBJECTS = {
  PaymentConfirmed: 'payments.payment-confirmed',
  PaymentRejected: 'payments.payment-rejected',
} as const

export const paymentResultMessage = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('PaymentConfirmed'), paymentId: z.uuid() }),
  z.object({
    ...envelope,
    type: z.literal('PaymentRejected'),
    paymentId: z.uuid(),
    reason: z.literal('NOT_ENOUGH_MONEY'),
    authorizedCents: z.number().int().nonnegative(),
    totalCents: z.number().int().nonnegative(),
  }),
])

export type PaymentResultMessage = z.infer<typeof paymentResultMessage>
