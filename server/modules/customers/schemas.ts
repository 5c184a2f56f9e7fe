import { z } from 'zod'
import { CUSTOMER_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_DIGITS_MAX, PHONE_DIGITS_MIN, PHONE_INPUT_MAX } from '../../../shared/limits'
import { idParam, label, uuid } from '../shared/text'
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

/** A new password: any characters, PASSWORD_MIN to PASSWORD_MAX of them. */
export const password = z.string({ message: 'must be a string' })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)

/** A secret being checked: only its type and size; a wrong one of any shape gets the same answer. */
const candidate = (max: number) => z.string({ message: 'must be a string' }).max(max, `must be at most ${max} characters`)

export const customerInput = z.strictObject({
  name: label(CUSTOMER_NAME_MAX),
  phone,
  password,
})

/**
 * Signing in: phone and password, only checked for type and size here. A malformed phone gets the
 * same 401 as a wrong one, so the answer never tells which part was off.
 */
export const customerCredentials = z.strictObject({
  phone: candidate(PHONE_INPUT_MAX),
  password: candidate(PASSWORD_MAX),
})

export const passwordChange = z.strictObject({
  currentPassword: candidate(PASSWORD_MAX),
  newPassword: password,
})

/**
 * Asking for a one-time code. The phone finds the account; the customer id is needed only to tell
 * apart accounts from before passwords that share a phone, never as proof of anything.
 */
export const codeRequest = z.strictObject({
  phone,
  customerId: uuid.optional(),
})

/** Setting a password with the code that was sent (a first password, or a reset). */
export const codeRedemption = z.strictObject({
  phone,
  customerId: uuid.optional(),
  code: candidate(20),
  password,
})

/** Route parameter :id of a passkey: its credential id (base64url). */
export const passkeyParam = z.object({ id: z.string().regex(/^[\w-]{1,1024}$/) })

export { idParam }

export type CustomerInput = z.output<typeof customerInput>
export type CustomerCredentials = z.output<typeof customerCredentials>
export type PasswordChange = z.output<typeof passwordChange>
export type CodeRequest = z.output<typeof codeRequest>
export type CodeRedemption = z.output<typeof codeRedemption>
