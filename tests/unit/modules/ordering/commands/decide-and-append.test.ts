import { describe, expect, it } from 'vitest'
import type { Cause } from '../../../../../server/modules/ordering/adapters/order-streams.pg'
import { decideAll, type OrderChange } from '../../../../../server/modules/ordering/commands/decide-and-append'
import { fold, type Order } from '../../../../../server/modules/ordering/order'
import { ORDER, PAYMENT, STORE_A, mugFromA, placedWith } from '../fixtures'

const OTHER = '22222222-2222-4222-8222-222222222222'
const placed = placedWith([mugFromA])

const placedOrder = (orderId: string): Order => fold([{ event: placed, version: 1, at: '2026-01-01T00:00:00.000Z' }], orderId)!
const cause = (causationId: string): Cause => ({ causationId, consumer: 'ordering', deliveryAttempt: 1 })
const paymentConfirmed = (orderId: string, by: string): OrderChange =>
  ({ orderId, command: { type: 'RecordPayment', result: { type: 'PaymentConfirmed', data: { paymentId: PAYMENT } } }, cause: cause(by) })
const storeConfirmed = (orderId: string, by: string): OrderChange =>
  ({ orderId, command: { type: 'RecordStore', result: { type: 'StoreConfirmed', data: { storeId: STORE_A } } }, cause: cause(by) })
let counter = 0
const sequentialIds = () => `id-${++counter}`

describe('decideAll', () => {
  it('builds each change of one order on the state the previous left, numbering versions on', () => {
    const orders = new Map([[ORDER, placedOrder(ORDER)]])
    const [append, ...others] = decideAll(orders, [paymentConfirmed(ORDER, 'm1'), storeConfirmed(ORDER, 'm2')])
    expect(others).toEqual([])
    expect(append!.events.map(({ version, event, cause }) => [version, event.type, cause.causationId])).toEqual([
      [2, 'PaymentConfirmed', 'm1'],
      [3, 'StoreConfirmed', 'm2'],
      [4, 'OrderAccepted', 'm2'],
    ])
    expect(append!.order).toMatchObject({ id: ORDER, version: 4, status: 'accepted', paymentStatus: 'Payment_CONFIRMED', storesStatus: 'Stores_CONFIRMED' })
  })

  it('publishes only the events other modules hear, under the event\'s own message id', () => {
    counter = 0
    const [append] = decideAll(new Map([[ORDER, placedOrder(ORDER)]]), [paymentConfirmed(ORDER, 'm1'), storeConfirmed(ORDER, 'm2')], sequentialIds)
    expect(append!.events.map(event => event.messageId)).toEqual(['id-1', 'id-2', 'id-3'])
    expect(append!.messages).toEqual([{
      id: 'id-3',
      subject: 'ordering.order-accepted',
      payload: { messageId: 'id-3', orderId: ORDER, causationId: 'm2', type: 'OrderAccepted', paymentId: PAYMENT, storeIds: [STORE_A] },
    }])
  })

  it('decides nothing for a duplicate result within the batch, and keeps orders apart', () => {
    const orders = new Map([[ORDER, placedOrder(ORDER)], [OTHER, placedOrder(OTHER)]])
    const appends = decideAll(orders, [paymentConfirmed(ORDER, 'm1'), paymentConfirmed(OTHER, 'm2'), paymentConfirmed(ORDER, 'm3')])
    expect(appends.map(({ order, events }) => [order.id, events.map(({ version, event }) => [version, event.type])])).toEqual([
      [ORDER, [[2, 'PaymentConfirmed']]],
      [OTHER, [[2, 'PaymentConfirmed']]],
    ])
  })

  it('leaves out orders whose changes decided nothing, and the loaded states untouched', () => {
    const order = placedOrder(ORDER)
    const accepted = { ...placedOrder(OTHER), status: 'accepted' as const }
    const appends = decideAll(new Map([[ORDER, order], [OTHER, accepted]]), [paymentConfirmed(ORDER, 'm1'), paymentConfirmed(OTHER, 'm2')])
    expect(appends.map(append => append.order.id)).toEqual([ORDER])
    expect(order).toMatchObject({ version: 1, paymentStatus: 'pending' })
  })

  it('throws for an order that was not loaded', () => {
    expect(() => decideAll(new Map(), [paymentConfirmed(ORDER, 'm1')])).toThrow(`order ${ORDER} is not loaded`)
  })
})
