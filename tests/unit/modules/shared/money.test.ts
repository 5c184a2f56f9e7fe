import { describe, expect, it } from 'vitest'
import { hasAtMostTwoDecimals, toCents, toEuros } from '../../../../server/modules/shared/money'

describe('money', () => {
  it('converts euros to integer cents without floating-point drift', () => {
    expect(toCents(19.99)).toBe(1999)
    expect(toCents(0.1 + 0.2)).toBe(30)
    expect(toCents(1_000_000)).toBe(100_000_000)
    expect(toEuros(1999)).toBe(19.99)
  })

  it('tells two decimals from three', () => {
    expect(hasAtMostTwoDecimals(4.35)).toBe(true)
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true)
    expect(hasAtMostTwoDecimals(1.005)).toBe(false)
    expect(hasAtMostTwoDecimals(0.001)).toBe(false)
    expect(hasAtMostTwoDecimals(1e-9)).toBe(false)
    expect(hasAtMostTwoDecimals(1_000_000.001)).toBe(false)
    expect(hasAtMostTwoDecimals(999_999.99)).toBe(true)
  })
})
