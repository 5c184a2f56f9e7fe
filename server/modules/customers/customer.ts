import { PHONE_DIGITS_MAX, PHONE_DIGITS_MIN, PHONE_INPUT_MAX } from '../../../shared/limits'

/** A shopper. They sign in with their phone and password, or a passkey; the id only names them. */
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

/** An account that has a phone, and whether it can sign in (has a password). */
export interface PhoneAccount {
  id: string
  hasPassword: boolean
}

/**
 * The account a one-time code for this phone is for: the one named by id, if given; else the one
 * that signs in with the phone; else the phone's only account from before passwords. Undefined when
 * there is none, or several older accounts share the phone and no id says which.
 */
export function accountForCode(accounts: PhoneAccount[], customerId?: string): string | undefined {
  if (customerId) return accounts.find(account => account.id === customerId)?.id
  const signsIn = accounts.find(account => account.hasPassword)
  if (signsIn) return signsIn.id
  return accounts.length === 1 ? accounts[0]!.id : undefined
}
