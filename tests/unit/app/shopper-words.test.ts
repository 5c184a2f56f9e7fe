import { describe, expect, it } from 'vitest'
import { ORDER_STATUSES } from '../../../shared/types/order'
import { parseLines } from '../../../utils/basket-lines'
import { formatLocalDateTime } from '../../../utils/format'
import { lineProblemWords, orderStatusSentence, orderStatusWords, paymentWords, rejectionWords, storeWords } from '../../../utils/shopper-words'

const RAW_CODE = /_|[A-Z]{2,}/

describe('the shopper words', () => {
  it('name every order status without a raw code, with a sentence of what comes next', () => {
    expect(ORDER_STATUSES.map(status => orderStatusWords(status).label)).toEqual(['Being confirmed', 'Accepted', 'Not accepted', 'Paid', 'Cancelled'])
    for (const status of ORDER_STATUSES) {
      expect(orderStatusWords(status).label).not.toMatch(RAW_CODE)
      expect(orderStatusSentence({ status })).toMatch(/\.$/)
    }
  })

  it('say the payment and the stores are checking while pending, and "Not asked" once the order is settled without them', () => {
    expect(paymentWords('pending', { status: 'pending' })).toEqual({ label: 'Checking', tone: 'info' })
    expect(storeWords('pending', { status: 'pending' })).toEqual({ label: 'Checking stock', tone: 'info' })
    for (const status of ['rejected', 'cancelled'] as const) {
      expect(storeWords('pending', { status }).label).toBe('Not asked')
      expect(paymentWords('pending', { status }).label).toBe('Not asked')
    }
    expect(paymentWords('Payment_CONFIRMED', { status: 'accepted' })).toEqual({ label: 'Approved', tone: 'success' })
    expect(paymentWords('NOT_ENOUGH_MONEY', { status: 'rejected' })).toEqual({ label: 'Declined', tone: 'danger' })
    expect(storeWords('Stores_CONFIRMED', { status: 'rejected' })).toEqual({ label: 'In stock', tone: 'success' })
    expect(storeWords('OUT_OF_STOCK', { status: 'rejected' })).toEqual({ label: 'Out of stock', tone: 'danger' })
  })

  it('explain a rejection in plain words, naming the short lines and both amounts', () => {
    expect(rejectionWords(null)).toBe('')
    expect(rejectionWords({ reason: 'OUT_OF_STOCK', shortLines: [
      { productId: 'a', name: 'Mug', requested: 3, available: 1 },
      { productId: 'b', name: 'Vase', requested: 1, available: 0 },
    ] })).toBe('Not enough in stock. Mug: you asked for 3, only 1 left; Vase: you asked for 1, none left.')
    expect(rejectionWords({ reason: 'OUT_OF_STOCK' })).toBe('A store did not have enough of an item.')
    expect(rejectionWords({ reason: 'NOT_ENOUGH_MONEY', authorized: 10, total: 25 })).toBe('The payment was declined: you authorized €10.00 but the order comes to €25.00.')
    expect(rejectionWords({ reason: 'NOT_ENOUGH_MONEY' })).toBe('The payment was declined: the amount you authorized did not cover the order.')
    expect(rejectionWords({ reason: 'TIMED_OUT' })).not.toMatch(RAW_CODE)
  })

  it('describe a basket line the catalog no longer agrees with', () => {
    expect(lineProblemWords({ kind: 'gone' })).toBe('No longer on sale')
    expect(lineProblemWords({ kind: 'price', price: 4.5 })).toBe('Price is now €4.50')
    expect(lineProblemWords({ kind: 'stock', stock: 2 })).toMatch(/^Only 2 in stock/)
    expect(lineProblemWords({ kind: 'stock', stock: 0 })).toMatch(/^Out of stock/)
  })

  it('show a moment in the given time zone, not UTC', () => {
    expect(formatLocalDateTime('2026-11-29T23:30:00Z', 'Europe/Lisbon')).toBe('29 Nov 2026, 23:30')
    expect(formatLocalDateTime('2026-11-29T23:30:00Z', 'Asia/Tokyo')).toBe('30 Nov 2026, 08:30')
  })
})

describe('the saved basket', () => {
  const image = { id: 'i', width: 800, height: 600, src: '/img/a-400.webp', srcset: '/img/a-400.webp 400w' }

  it('keeps a line\'s picture, and reads a basket saved before pictures with none', () => {
    const saved = JSON.stringify([
      { productId: 'a', quantity: 2, name: 'Mug', price: 4, storeName: 'Cups', image },
      { productId: 'b', quantity: 1, name: 'Tea', price: 3, storeName: 'Leaves' },
      { productId: 'c', quantity: 1, name: 'Odd', price: 3, storeName: 'Leaves', image: { src: 42 } },
    ])
    expect(parseLines(saved).map(line => line.image)).toEqual([image, null, null])
  })

  it('drops malformed lines and survives garbage', () => {
    expect(parseLines(JSON.stringify([{ productId: 'a', quantity: 0, name: 'x', price: 1, storeName: 's' }, { productId: 'b' }, null]))).toEqual([])
    expect(parseLines('{not json')).toEqual([])
    expect(parseLines(JSON.stringify({ productId: 'a' }))).toEqual([])
    expect(parseLines(null)).toEqual([])
  })
})
