import { describe, expect, it } from 'vitest'
import { fileSlug, formatDateTime, formatEuros, shortId } from '../../../utils/format'
import { isLive, rejectionText, statusSeverity } from '../../../utils/status'

describe('the client formatters', () => {
  it('show euros and UTC dates the same on the server and in the browser', () => {
    expect(formatEuros(1234.5)).toBe('€1,234.50')
    expect(formatDateTime('2026-11-29T16:14:55.123Z')).toBe('29 Nov 2026, 16:14:55 UTC')
  })

  it('shorten ids and make file names from store names', () => {
    expect(shortId('1eff6257-4111-4216-a910-0722e712252f')).toBe('1eff6257')
    expect(fileSlug('Café & Co. — Level 2')).toBe('cafe-co-level-2')
    expect(fileSlug('!!!')).toBe('store')
  })
})

describe('the status helpers', () => {
  it('colour a status, an authorization and an event alike', () => {
    expect(statusSeverity('accepted')).toBe('success')
    expect(statusSeverity('OrderAccepted')).toBe('success')
    expect(statusSeverity('OUT_OF_STOCK')).toBe('danger')
    expect(statusSeverity('voided')).toBe('warn')
    expect(statusSeverity('delivered')).toBe('contrast')
    expect(statusSeverity('anything else')).toBe('secondary')
  })

  it('say why an order was rejected, with the amounts and the short lines when known', () => {
    expect(rejectionText(null)).toBe('')
    expect(rejectionText({ reason: 'NOT_ENOUGH_MONEY', authorized: 10, total: 12.5 })).toBe('Not enough money: authorized €10.00 of €12.50')
    expect(rejectionText({ reason: 'OUT_OF_STOCK', shortLines: [{ productId: 'p', name: 'Kite', requested: 3, available: 1 }] }))
      .toBe('Out of stock: Kite (asked 3, 1 left)')
    expect(rejectionText({ reason: 'TIMED_OUT' })).toBe('No answer in time')
  })

  it('watch pending and accepted orders live, not settled ones', () => {
    expect(['pending', 'accepted', 'rejected', 'delivered', 'cancelled'].filter(status => isLive({ status: status as never })))
      .toEqual(['pending', 'accepted'])
  })
})
