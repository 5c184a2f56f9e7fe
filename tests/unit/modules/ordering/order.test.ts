import { describe, expect, it } from 'vitest'
import { availableActions, canCancel, decide, fold, type Order, type OrderCommand, type OrderEvent } from '../../../../server/modules/ordering/order'
import { MUG, ORDER, PAYMENT, STORE_A, STORE_B, mugFromA, placedWith, teaFromB } from './fixtures'

const placed = placedWith([mugFromA, teaFromB])
const paymentConfirmed: OrderEvent = { type: 'PaymentConfirmed', data: { paymentId: PAYMENT } }
const paymentRejected: OrderEvent = { type: 'PaymentRejected', data: { reason: 'NOT_ENOUGH_MONEY', authorizedCents: 1000, totalCents: 2500 } }
const storeConfirmed = (storeId: string): OrderEvent => ({ type: 'StoreConfirmed', data: { storeId } })
const storeRejected = (storeId: string): OrderEvent => ({ type: 'StoreRejected', data: { storeId, reason: 'OUT_OF_STOCK', shortLines: [{ productId: MUG, name: 'Mug', requested: 2, available: 1 }] } })
const accepted: OrderEvent = { type: 'OrderAccepted', data: {} }
const rejected = (reason: 'NOT_ENOUGH_MONEY' | 'OUT_OF_STOCK' | 'TIMED_OUT'): OrderEvent => ({ type: 'OrderRejected', data: { reason } })
const delivered: OrderEvent = { type: 'OrderDelivered', data: {} }

function given(...events: OrderEvent[]): Order {
  return fold(events.map((event, index) => ({ event, version: index + 1, at: `2026-01-01T00:00:0${index}.000Z` })), ORDER)!
}

const recordPayment = (result: OrderEvent) => ({ type: 'RecordPayment', result }) as OrderCommand
const recordStore = (result: OrderEvent) => ({ type: 'RecordStore', result }) as OrderCommand

describe('evolve', () => {
  it('starts pending with every store pending', () => {
    expect(given(placed)).toMatchObject({ status: 'pending', paymentStatus: 'pending', storesStatus: 'pending', storeStatuses: { [STORE_A]: 'pending', [STORE_B]: 'pending' }, version: 1 })
  })

  it('keeps the rejection reason with its details', () => {
    expect(given(placed, paymentRejected, rejected('NOT_ENOUGH_MONEY')).rejection).toEqual({ reason: 'NOT_ENOUGH_MONEY', authorizedCents: 1000, totalCents: 2500 })
    expect(given(placed, storeRejected(STORE_A), rejected('OUT_OF_STOCK')).rejection).toEqual({ reason: 'OUT_OF_STOCK', shortLines: [{ productId: MUG, name: 'Mug', requested: 2, available: 1 }] })
  })
})

describe('decide: payment and store results', () => {
  it('records a confirmed payment while stores are pending', () => {
    expect(decide(recordPayment(paymentConfirmed), given(placed))).toEqual([paymentConfirmed])
  })

  it('accepts when the payment completes the confirmations', () => {
    expect(decide(recordPayment(paymentConfirmed), given(placed, storeConfirmed(STORE_A), storeConfirmed(STORE_B)))).toEqual([paymentConfirmed, accepted])
  })

  it('accepts when the last store completes the confirmations', () => {
    expect(decide(recordStore(storeConfirmed(STORE_B)), given(placed, paymentConfirmed, storeConfirmed(STORE_A)))).toEqual([storeConfirmed(STORE_B), accepted])
  })

  it('waits for the other store', () => {
    expect(decide(recordStore(storeConfirmed(STORE_A)), given(placed, paymentConfirmed))).toEqual([storeConfirmed(STORE_A)])
  })

  it('rejects on NOT_ENOUGH_MONEY', () => {
    expect(decide(recordPayment(paymentRejected), given(placed, storeConfirmed(STORE_A)))).toEqual([paymentRejected, rejected('NOT_ENOUGH_MONEY')])
  })

  it('rejects on OUT_OF_STOCK from any store', () => {
    expect(decide(recordStore(storeRejected(STORE_B)), given(placed, paymentConfirmed, storeConfirmed(STORE_A)))).toEqual([storeRejected(STORE_B), rejected('OUT_OF_STOCK')])
  })

  it('ignores a duplicate result', () => {
    expect(decide(recordPayment(paymentConfirmed), given(placed, paymentConfirmed))).toEqual([])
    expect(decide(recordStore(storeConfirmed(STORE_A)), given(placed, storeConfirmed(STORE_A)))).toEqual([])
  })

  it('ignores results that arrive after the order was decided', () => {
    const alreadyRejected = given(placed, storeRejected(STORE_A), rejected('OUT_OF_STOCK'))
    expect(decide(recordPayment(paymentConfirmed), alreadyRejected)).toEqual([])
    expect(decide(recordStore(storeConfirmed(STORE_B)), alreadyRejected)).toEqual([])
    expect(decide(recordStore(storeConfirmed(STORE_B)), given(placed, { type: 'OrderCancelled', data: { by: 'customer', previousStatus: 'pending' } }))).toEqual([])
  })
})

describe('decide: deadline', () => {
  it('rejects a pending order past its deadline with TIMED_OUT', () => {
    expect(decide({ type: 'TimeOut', now: new Date('2026-01-01T00:01:00.000Z') }, given(placed))).toEqual([rejected('TIMED_OUT')])
  })

  it('does nothing before the deadline or once decided', () => {
    expect(decide({ type: 'TimeOut', now: new Date('2026-01-01T00:00:59.999Z') }, given(placed))).toEqual([])
    expect(decide({ type: 'TimeOut', now: new Date('2026-01-02T00:00:00.000Z') }, given(placed, paymentConfirmed, storeConfirmed(STORE_A), storeConfirmed(STORE_B), accepted))).toEqual([])
  })
})

describe('decide: pay and cancel', () => {
  const acceptedOrder = () => given(placed, paymentConfirmed, storeConfirmed(STORE_A), storeConfirmed(STORE_B), accepted)

  it('delivers an accepted order when paid', () => {
    expect(decide({ type: 'Pay' }, acceptedOrder())).toEqual([delivered])
  })

  it.each([
    ['pending', () => given(placed)],
    ['rejected', () => given(placed, paymentRejected, rejected('NOT_ENOUGH_MONEY'))],
    ['delivered', () => given(placed, paymentConfirmed, storeConfirmed(STORE_A), storeConfirmed(STORE_B), accepted, delivered)],
  ])('refuses to pay a %s order', (status, order) => {
    expect(() => decide({ type: 'Pay' }, order())).toThrow(expect.objectContaining({ code: 'CONFLICT', message: `An order that is ${status} cannot be paid` }))
  })

  it.each([
    ['pending', () => given(placed)],
    ['accepted', acceptedOrder],
  ])('cancels a %s order', (status, order) => {
    expect(canCancel(order())).toBe(true)
    expect(availableActions(order()).cancel).toBe(true)
    expect(decide({ type: 'Cancel', by: 'customer' }, order())).toEqual([{ type: 'OrderCancelled', data: { by: 'customer', previousStatus: status } }])
  })

  it.each([
    // Rejection already released the stock and voided the authorization: nothing is left to cancel.
    ['rejected', () => given(placed, paymentRejected, rejected('NOT_ENOUGH_MONEY'))],
    ['delivered', () => given(placed, paymentConfirmed, storeConfirmed(STORE_A), storeConfirmed(STORE_B), accepted, delivered)],
    ['cancelled', () => given(placed, { type: 'OrderCancelled', data: { by: 'admin', previousStatus: 'pending' } })],
  ])('refuses to cancel a %s order, and does not offer it', (status, order) => {
    expect(canCancel(order())).toBe(false)
    expect(availableActions(order()).cancel).toBe(false)
    for (const by of ['customer', 'admin'] as const) {
      expect(() => decide({ type: 'Cancel', by }, order())).toThrow(expect.objectContaining({ code: 'CONFLICT', message: `An order that is ${status} cannot be cancelled` }))
    }
  })
})
