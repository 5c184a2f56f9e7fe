import { z } from 'zod'
import { CUSTOMER_NAME_MAX, PHONE_DIGITS_MAX, PHONE_DIGITS_MIN, PHONE_INPUT_MAX } from '../../../shared/limits'
import { idParam, label } from '../shared/text'
import { normalizePhone } from './customer'

/** Lenient on the way in, one form on the way out: see normalizePhone. */
export const phone = z.string({ message: 'must be a string' })
  .max(PHONE_INPUT_MAX, `must be at most ${PHONE_INPUT_MAX} characters`)
  .transform((typed, context) => {
    const normalized = normalizePhone(typed)
    if (normalized === undefined) {
      context.addIssue({ code: 'custom', message: `must be ${PHONE_DIGITS_MIN} to ${PHONE_DIGITS_MAX} digits, with an optional leading + and spaces or dashes` })
      return z.NEVER
    }
    return normalized
  })

export const customerInput = z.strictObject({
  name: label(CUSTOMER_NAME_MAX),
  phone,
})

/**
 * Signing back in: the values are only checked for type and size here. A malformed id or phone
 * gets the same 401 as a wrong one, so the answer never tells which part was off.
 */
export const customerCredentials = z.strictObject({
  customerId: z.string({ message: 'must be a string' }).max(100, 'must be at most 100 characters'),
  phone: z.string({ message: 'must be a string' }).max(PHONE_INPUT_MAX, `must be at most ${PHONE_INPUT_MAX} characters`),
})

export { idParam }

export type CustomerInput = z.output<typeof customerInput>
export type CustomerCredentials = z.output<typeof customerCredentials>
