import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { placeOrderInput } from '../../../../server/modules/ordering'

describe('order input, for any items', () => {
  it('accepts 1–100 lines of 1–1000 units of UUID products, and nothing else', () => {
    const item = fc.record({ productId: fc.uuid(), quantity: fc.integer({ min: -5, max: 1005 }) })
    fc.assert(fc.property(fc.uuid(), fc.uuid(), fc.array(item, { maxLength: 105 }), (customerId, paymentId, items) => {
      const valid = items.length >= 1 && items.length <= 100 && items.every(line => line.quantity >= 1 && line.quantity <= 1000)
      expect(placeOrderInput.safeParse({ customerId, paymentId, items }).success).toBe(valid)
    }))
  })

  it('never throws, whatever JSON arrives', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(() => placeOrderInput.safeParse(value)).not.toThrow()
    }))
  })
})
