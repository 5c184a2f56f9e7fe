import { z } from 'zod'

/** Money travels as euros with at most two decimals and is stored as integer cents. */
export type Cents = number

export function toCents(euros: number): Cents {
  return Math.round(euros * 100)
}

export function toEuros(cents: Cents): number {
  return cents / 100
}

/**
 * True when the number is a whole number of cents, tolerating the binary floating-point noise of a
 * client's arithmetic (0.1 + 0.2 is 30.000000000000004 cents): a few units in the last place,
 * relative to the amount. A fixed tolerance (it was 1e-6 cents) took `1e-9` for 0 cents.
 */
export function hasAtMostTwoDecimals(euros: number): boolean {
  const cents = euros * 100
  return Math.abs(cents - Math.round(cents)) <= 16 * Number.EPSILON * Math.max(1, Math.abs(cents))
}

/**
 * A money field: euros that are a whole number of cents within range, checked as stored (in cents).
 * `positive()` let `1e-9` through, which is stored as 0 cents (a database constraint then failed with
 * a 500): the least amount is a cent, 0.01 for a payment, 0 for a price.
 */
export function euros({ least, most }: { least: 0 | 0.01, most: number }) {
  return z.number({ message: 'must be a number' })
    .min(least, least > 0 ? `must be at least ${least}` : 'must not be negative')
    .max(most, `must be at most ${most}`)
    .refine(hasAtMostTwoDecimals, 'must be a whole number of cents (at most two decimals)')
}
