import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { productInput, storeInput } from '../../../../server/modules/catalog'
import { toCents, toEuros } from '../../../../server/modules/shared/money'

const name = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }).filter(text => text.trim().length > 0 && !/[\u0000-\u001F\u007F-\u009F]/.test(text))

describe('catalog inputs, for any value', () => {
  it('accept every well-formed product and keep its numbers', () => {
    fc.assert(fc.property(name, fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (productName, stock, priceCents) => {
      const parsed = productInput.parse({ name: productName, stock, price: toEuros(priceCents) })
      expect(parsed.stock).toBe(stock)
      expect(toCents(parsed.price)).toBe(priceCents)
      expect(parsed.name).toBe(productName.trim())
    }))
  })

  it('refuse anything that is not a whole, non-negative stock', () => {
    const badStock = fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null), fc.integer({ min: 1_000_000_001 }))
    fc.assert(fc.property(badStock, stock => !productInput.safeParse({ name: 'x', stock, price: 1 }).success))
  })

  it('never throw, whatever JSON arrives', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(() => storeInput.safeParse(value)).not.toThrow()
      expect(() => productInput.safeParse(value)).not.toThrow()
    }))
  })
})
