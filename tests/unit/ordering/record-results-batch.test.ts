import { describe, expect, it } from 'vitest'
import type { Cause } from '../../../server/modules/ordering/adapters/order-events.pg'
import { decideAll, type OrderResult } from '../../../server/modules/ordering/commands/record-results-batch'
import { fold, type Order } from '../../../server/modules/ordering/order'
import { ORDER, PAYMENT, STORE_A, mugFromA, placedWith } from './fixtures'

const OTHER = '22222222-2222-4222-8222-222222222222'
const placed = placedWith([mugFromA])

const placedOrder = (orderId: string): Order => fold([{ event: placed, version: 1, at: '2026-01-01T00:00:00.000Z' }], orderId)!
const cause = (causationId: string): Cause => ({ causationId, consumer: 'ordering', deliveryAttempt: 1 })
const paymentConfirmed = (orderId: string, by: string): OrderResult =>
  ({ orderId, command: { type: 'RecordPayment', result: { type: 'PaymentConfirmed', data: { paymentId: PAYMENT } } }, cause: cause(by) })
const storeConfirmed = (orderId: string, by: string): OrderResult =>
  ({ orderId, command: { type: 'RecordStore', result: { type: 'StoreConfirmed', data: { storeId: STORE_A } } }, cause: cause(by) })

describe('decideAll', () => {
  it('builds each result of one order on the state the previous left, numbering versions on', () => {
    const orders = new Map([[ORDER, placedOrder(ORDER)]])
    const decided = decideAll(orders, [paymentConfirmed(ORDER, 'm1'), storeConfirmed(ORDER, 'm2')])
    expect(decided.map(({ version, event, cause }) => [version, event.type, cause.causationId])).toEqual([
      [2, 'PaymentConfirmed', 'm1'],
      [3, 'StoreConfirmed', 'm2'],
      [4, 'OrderAccepted', 'm2'],
    ])
  })

  it('decides nothing for a duplicate result within the batch, and keeps orders apart', () => {
    const orders = new Map([[ORDER, placedOrder(ORDER)], [OTHER, placedOrder(OTHER)]])
    const decided = decideAll(orders, [paymentConfirmed(ORDER, 'm1'), paymentConfirmed(OTHER, 'm2'), paymentConfirmed(ORDER, 'm3')])
    expect(decided.map(({ orderId, version, event }) => [orderId, version, event.type])).toEqual([
      [ORDER, 2, 'PaymentConfirmed'],
      [OTHER, 2, 'PaymentConfirmed'],
    ])
  })

  it('leaves the loaded states untouched', () => {
    const order = placedOrder(ORDER)
    decideAll(new Map([[ORDER, order]]), [paymentConfirmed(ORDER, 'm1')])
    expect(order).toMatchObject({ version: 1, paymentStatus: 'pending' })
  })
})
