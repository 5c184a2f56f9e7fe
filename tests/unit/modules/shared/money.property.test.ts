import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasAtMostTwoDecimals, toCents, toEuros } from '../../../../server/modules/shared/money'

const cents = fc.integer({ min: 0, max: 100_000_000 })

describe('money, for any amount', () => {
  it('survives cents → euros → cents exactly', () => {
    fc.assert(fc.property(cents, amount => toCents(toEuros(amount)) === amount))
  })

  it('accepts every euro amount made of whole cents, and refuses a third decimal', () => {
    fc.assert(fc.property(cents, fc.integer({ min: 1, max: 9 }), (amount, thousandth) => {
      expect(hasAtMostTwoDecimals(toEuros(amount))).toBe(true)
      expect(hasAtMostTwoDecimals(toEuros(amount) + thousandth / 1000)).toBe(false)
    }))
  })
})
