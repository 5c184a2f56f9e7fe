import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { productInput, storeInput } from '../../../server/modules/catalog'
import { placeOrderInput } from '../../../server/modules/ordering'
import { hasAtMostTwoDecimals, toCents, toEuros } from '../../../server/modules/shared/money'

const cents = fc.integer({ min: 0, max: 100_000_000 })
const name = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }).filter(text => text.trim().length > 0 && !/[\u0000-\u001F\u007F-\u009F]/.test(text))

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
      expect(() => placeOrderInput.safeParse(value)).not.toThrow()
    }))
  })
})

describe('order input, for any items', () => {
  it('accepts 1–100 lines of 1–1000 units of UUID products, and nothing else', () => {
    const item = fc.record({ productId: fc.uuid(), quantity: fc.integer({ min: -5, max: 1005 }) })
    fc.assert(fc.property(fc.uuid(), fc.uuid(), fc.array(item, { maxLength: 105 }), (customerId, paymentId, items) => {
      const valid = items.length >= 1 && items.length <= 100 && items.every(line => line.quantity >= 1 && line.quantity <= 1000)
      expect(placeOrderInput.safeParse({ customerId, paymentId, items }).success).toBe(valid)
    }))
  })
})
