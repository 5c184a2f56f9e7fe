import { z } from 'zod'
import { AMOUNT_MAX } from '../../../shared/limits'
import { euros } from '../shared/money'
import { idParam, uuid } from '../shared/text'

const amount = euros({ least: 0.01, most: AMOUNT_MAX })

export const paymentInput = z.strictObject({
  customerId: uuid,
  amount,
})

export { idParam }

export type PaymentInput = z.output<typeof paymentInput>
