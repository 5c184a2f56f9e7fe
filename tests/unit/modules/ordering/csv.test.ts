import { describe, expect, it } from 'vitest'
import { EVENT_CSV_COLUMNS, eventCsvRecord, ORDER_CSV_COLUMNS, orderCsvRecord } from '../../../../server/modules/ordering/csv'
import { fold, type OrderEvent } from '../../../../server/modules/ordering/order'
import { eventView, orderView } from '../../../../server/modules/ordering/view'
import { mugFromA, ORDER, placedWith, teaFromB } from './fixtures'

const placed = placedWith([mugFromA, teaFromB])
const rejected: OrderEvent = { type: 'OrderRejected', data: { reason: 'OUT_OF_STOCK', shortLines: [{ productId: teaFromB.productId, requested: 1, available: 0 }] } } as OrderEvent

describe('the order export', () => {
  it('has one cell per column: whole ids, two-decimal euros, the lines in words, the rejection reason', () => {
    const order = fold([placed, rejected].map((event, index) => ({ event, version: index + 1, at: `2026-01-01T00:00:0${index}.000Z` })), ORDER)!
    const record = orderCsvRecord(orderView(order))
    expect(Object.keys(record)).toEqual([...ORDER_CSV_COLUMNS])
    expect(record).toMatchObject({ id: ORDER, status: 'rejected', total: '25.00', lines: '2 × Mug (A); 1 × Tea (B)', rejection: 'OUT_OF_STOCK', placedAt: '2026-01-01T00:00:00.000Z' })
  })
})

describe('the event export', () => {
  it("keeps the event's place in the log and its payload as JSON", () => {
    const record = eventCsvRecord(eventView({ position: 7, orderId: ORDER, version: 1, event: placed, messageId: 'm', causationId: null, consumer: null, deliveryAttempt: null, at: '2026-01-01T00:00:00.000Z' }))
    expect(Object.keys(record)).toEqual([...EVENT_CSV_COLUMNS])
    expect(record).toMatchObject({ position: 7, version: 1, type: 'OrderPlaced', causationId: null })
    expect(JSON.parse(record.data as string)).toEqual(placed.data)
  })
})
