import { describe, expect, it } from 'vitest'
import { paymentInput } from '../../../../server/modules/payments'

const customerId = '9b2f9c1e-5f3a-4c55-9d43-2f0e7b1a0c11'

describe('paymentInput', () => {
  it.each([0.01, 0.1, 0.29, 19.99, 1234.5, 100_000])('accepts %d euros', (amount) => {
    expect(paymentInput.parse({ customerId, amount })).toEqual({ customerId, amount })
  })

  it.each([
    ['zero', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['three decimals', { amount: 10.005 }],
    ['a fraction of a cent', { amount: 0.001 }],
    ['a billionth of a euro (was rounded to 0 cents and failed in the database)', { amount: 1e-9 }],
    ['just under a cent', { amount: 0.0099999 }],
    ['over 100,000 euros', { amount: 100_000.01 }],
    ['a huge amount', { amount: 1e12 }],
    ['NaN', { amount: Number.NaN }],
    ['Infinity', { amount: Number.POSITIVE_INFINITY }],
    ['an amount as a string', { amount: '10' }],
    ['a missing amount', { amount: undefined }],
    ['a malformed customer id', { customerId: 'me' }],
    ['an extra field', { orderId: customerId }],
  ])('refuses %s', (_, change) => {
    expect(paymentInput.safeParse({ customerId, amount: 10, ...change }).success).toBe(false)
  })
})
