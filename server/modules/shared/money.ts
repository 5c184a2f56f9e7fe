/** Money travels as euros with at most two decimals and is stored as integer cents. */
export type Cents = number

export function toCents(euros: number): Cents {
  return Math.round(euros * 100)
}

export function toEuros(cents: Cents): number {
  return cents / 100
}

/** True when the number has at most two decimals (tolerating binary floating-point noise such as 0.1 + 0.2). */
export function hasAtMostTwoDecimals(euros: number): boolean {
  return Math.abs(euros * 100 - Math.round(euros * 100)) < 1e-6
}
