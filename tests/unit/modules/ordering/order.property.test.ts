import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decide, evolve, type Order, type OrderCommand, type OrderEvent } from '../../../../server/modules/ordering/order'

const ORDER = '11111111-1111-4111-8111-111111111111'
const STORES = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb']

const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    customerId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
    paymentId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    totalCents: 1000,
    deadlineAt: '2026-01-01T00:01:00.000Z',
    lines: STORES.map((storeId, index) => ({ productId: `eeeeeeee-eeee-4eee-8eee-eeeeeeeeeee${index}`, storeId, storeName: `S${index}`, name: `P${index}`, quantity: 1, unitPriceCents: 500 })),
  },
}

const command: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.constant<OrderCommand>({ type: 'RecordPayment', result: { type: 'PaymentConfirmed', data: { paymentId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' } } }),
  fc.constant<OrderCommand>({ type: 'RecordPayment', result: { type: 'PaymentRejected', data: { reason: 'NOT_ENOUGH_MONEY', authorizedCents: 1, totalCents: 1000 } } }),
  fc.constantFrom(...STORES).map<OrderCommand>(storeId => ({ type: 'RecordStore', result: { type: 'StoreConfirmed', data: { storeId } } })),
  fc.constantFrom(...STORES).map<OrderCommand>(storeId => ({ type: 'RecordStore', result: { type: 'StoreRejected', data: { storeId, reason: 'OUT_OF_STOCK', shortLines: [] } } })),
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-01-01T00:02:00Z'), noInvalidDate: true }).map<OrderCommand>(now => ({ type: 'TimeOut', now })),
  fc.constant<OrderCommand>({ type: 'Pay' }),
  fc.constantFrom<'customer' | 'admin'>('customer', 'admin').map<OrderCommand>(by => ({ type: 'Cancel', by })),
)

/** Runs commands the way the command handlers do: refused ones (409) change nothing. */
function run(commands: OrderCommand[]) {
  let order: Order = evolve(undefined, placed, { orderId: ORDER, version: 1, at: '2026-01-01T00:00:00.000Z' })
  const history: OrderEvent[] = [placed]
  for (const next of commands) {
    let events: OrderEvent[]
    try {
      events = decide(next, order)
    }
    catch {
      continue
    }
    for (const event of events) {
      order = evolve(order, event, { orderId: ORDER, version: order.version + 1, at: '2026-01-01T00:00:01.000Z' })
      history.push(event)
    }
  }
  return { order, history }
}

const count = (history: OrderEvent[], type: OrderEvent['type']) => history.filter(event => event.type === type).length

describe('the order decider, for any sequence of commands', () => {
  it('decides once: at most one acceptance, one rejection, one delivery, one cancellation', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
      const { history } = run(commands)
      for (const type of ['OrderAccepted', 'OrderRejected', 'OrderDelivered', 'OrderCancelled'] as const) expect(count(history, type)).toBeLessThanOrEqual(1)
      expect(count(history, 'OrderAccepted') + count(history, 'OrderRejected')).toBeLessThanOrEqual(1)
    }))
  })

  it('accepts only with the payment and every store confirmed, and delivers only what was accepted', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
      const { order, history } = run(commands)
      if (count(history, 'OrderAccepted') === 1) {
        expect(count(history, 'PaymentConfirmed')).toBe(1)
        for (const storeId of STORES) expect(history.some(event => event.type === 'StoreConfirmed' && event.data.storeId === storeId)).toBe(true)
      }
      if (order.status === 'delivered') expect(count(history, 'OrderAccepted')).toBe(1)
    }))
  })

  it('keeps the version equal to the number of events', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
      const { order, history } = run(commands)
      expect(order.version).toBe(history.length)
    }))
  })

  it('never leaves a final state', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 30 }), fc.array(command, { maxLength: 10 }), (first, more) => {
      const before = run(first).order.status
      if (before !== 'delivered' && before !== 'cancelled') return
      expect(run([...first, ...more]).order.status).toBe(before)
    }))
  })
})
