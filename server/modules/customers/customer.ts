import { PHONE_DIGITS_MAX, PHONE_DIGITS_MIN, PHONE_INPUT_MAX } from '../../../shared/limits'

/** A shopper. The id and the phone together are what signs them back in. */
export interface Customer {
  id: string
  name: string
  /** Normalized: digits with an optional leading +. */
  phone: string
  createdAt: Date
}

const PHONE_AS_TYPED = /^\+?[\d -]+$/

/**
 * A phone as people write it ("+351 912-345-678") in the one form it is stored and compared in
 * ("+351912345678"); undefined when it is not a phone number: letters, other symbols, or too few
 * or too many digits.
 */
export function normalizePhone(typed: string): string | undefined {
  const trimmed = typed.trim()
  if (trimmed.length > PHONE_INPUT_MAX || !PHONE_AS_TYPED.test(trimmed)) return undefined
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length < PHONE_DIGITS_MIN || digits.length > PHONE_DIGITS_MAX) return undefined
  return trimmed.startsWith('+') ? `+${digits}` : digits
}
