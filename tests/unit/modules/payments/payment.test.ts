import { describe, expect, it } from 'vitest'
import { decideClaims, decidePayment, type Authorization } from '../../../../server/modules/payments/payment'

const orderId = '0d6b1a5c-6a6e-4f43-9a57-9f2b3c1d0001'
const otherOrderId = '0d6b1a5c-6a6e-4f43-9a57-9f2b3c1d0002'

const given = (change: Partial<Authorization> = {}) => ({ amountCents: 5000, status: 'authorized' as const, orderId: null, ...change })
const notEnough = (authorizedCents: number, totalCents: number) => ({ outcome: 'rejected', reason: 'NOT_ENOUGH_MONEY', authorizedCents, totalCents })

describe('decidePayment', () => {
  it('confirms an unclaimed authorization that covers the total exactly or more', () => {
    expect(decidePayment(given(), 5000, orderId)).toEqual({ outcome: 'confirmed' })
    expect(decidePayment(given(), 4999, orderId)).toEqual({ outcome: 'confirmed' })
  })

  it('rejects an amount below the total by one cent', () => {
    expect(decidePayment(given(), 5001, orderId)).toEqual(notEnough(5000, 5001))
  })

  it('rejects an authorization that funds another order', () => {
    expect(decidePayment(given({ orderId: otherOrderId }), 100, orderId)).toEqual(notEnough(5000, 100))
  })

  it.each(['voided', 'captured'] as const)('rejects a %s authorization', (status) => {
    expect(decidePayment(given({ status, orderId: otherOrderId }), 100, orderId)).toEqual(notEnough(5000, 100))
    expect(decidePayment(given({ status }), 100, orderId)).toEqual(notEnough(5000, 100))
  })

  it.each(['authorized', 'captured', 'voided'] as const)('confirms again for the order that claimed it, now %s (a redelivery)', (status) => {
    expect(decidePayment(given({ status, orderId }), 5000, orderId)).toEqual({ outcome: 'confirmed' })
  })

  it('rejects the claiming order too when its total is above the amount', () => {
    expect(decidePayment(given({ orderId }), 6000, orderId)).toEqual(notEnough(5000, 6000))
  })
})

describe('decideClaims', () => {
  const customerId = 'c1'
  const claim = (paymentId: string, forOrder: string, totalCents = 1000, by = customerId) => ({ paymentId, customerId: by, orderId: forOrder, totalCents })
  const authorizations = new Map([['p1', { ...given(), customerId }]])

  it('lets the first of two claims on one authorization win, and records only that claim', () => {
    const { decisions, newClaims } = decideClaims(authorizations, [claim('p1', orderId), claim('p1', otherOrderId)])
    expect(decisions).toEqual([{ outcome: 'confirmed' }, notEnough(5000, 1000)])
    expect(newClaims).toEqual([{ paymentId: 'p1', orderId }])
  })

  it('confirms a redelivered claim without claiming again', () => {
    const claimedAlready = new Map([['p1', { ...given({ orderId }), customerId }]])
    expect(decideClaims(claimedAlready, [claim('p1', orderId), claim('p1', orderId)])).toEqual({ decisions: [{ outcome: 'confirmed' }, { outcome: 'confirmed' }], newClaims: [] })
  })

  it("treats an unknown authorization and another customer's alike: nothing authorized", () => {
    const { decisions, newClaims } = decideClaims(authorizations, [claim('p9', orderId), claim('p1', orderId, 1000, 'c2')])
    expect(decisions).toEqual([notEnough(0, 1000), notEnough(0, 1000)])
    expect(newClaims).toEqual([])
  })
})
