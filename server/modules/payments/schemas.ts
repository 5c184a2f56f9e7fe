import { z } from 'zod'
import { idParam, uuid } from '../shared/text'
import { hasAtMostTwoDecimals } from '../shared/money'

export const AMOUNT_MAX = 100_000

const amount = z.number({ message: 'must be a number' })
  .positive('must be more than 0')
  .max(AMOUNT_MAX, `must be at most ${AMOUNT_MAX}`)
  .refine(hasAtMostTwoDecimals, 'must have at most two decimals')

export const paymentInput = z.strictObject({
  customerId: uuid,
  amount,
})

export { idParam }

export type PaymentInput = z.output<typeof paymentInput>
