import { z } from 'zod'
import { AMOUNT_MAX } from '../../../shared/limits'
import { hasAtMostTwoDecimals } from '../shared/money'
import { idParam, uuid } from '../shared/text'

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
