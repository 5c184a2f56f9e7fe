import { describe, expect, it } from 'vitest'
import { allocateStock, type StoreLines } from '../../../../server/modules/catalog/allocation'

const request = (orderId: string, lines: [productId: string, quantity: number][], storeId = 's1'): StoreLines =>
  ({ orderId, storeId, lines: lines.map(([productId, quantity]) => ({ productId, name: productId.toUpperCase(), quantity })) })

describe('allocateStock', () => {
  it('confirms a store whose every line is on the shelf, and counts what it took', () => {
    const { allocations, taken } = allocateStock(new Map([['a', 5], ['b', 2]]), [request('o1', [['a', 3], ['b', 2]])])
    expect(allocations).toEqual([{ outcome: 'confirmed' }])
    expect(taken).toEqual(new Map([['a', 3], ['b', 2]]))
  })

  it('takes nothing from a store short of one line, and says what was short and what was there', () => {
    const { allocations, taken } = allocateStock(new Map([['a', 5], ['b', 1]]), [request('o1', [['a', 3], ['b', 2]])])
    expect(allocations).toEqual([{ outcome: 'rejected', shortLines: [{ productId: 'b', name: 'B', requested: 2, available: 1 }] }])
    expect(taken.size).toBe(0)
  })

  it('serves requests in order: the first takes the last units, the second is short', () => {
    const { allocations, taken } = allocateStock(new Map([['a', 1]]), [request('o1', [['a', 1]]), request('o2', [['a', 1]])])
    expect(allocations.map(a => a.outcome)).toEqual(['confirmed', 'rejected'])
    expect(allocations[1]).toMatchObject({ shortLines: [{ available: 0 }] })
    expect(taken).toEqual(new Map([['a', 1]]))
  })

  it('leaves what a refused store would have taken to the stores after it', () => {
    const stock = new Map([['a', 2], ['b', 0]])
    const { allocations } = allocateStock(stock, [request('o1', [['a', 2], ['b', 1]]), request('o2', [['a', 2]])])
    expect(allocations.map(a => a.outcome)).toEqual(['rejected', 'confirmed'])
    expect(stock).toEqual(new Map([['a', 2], ['b', 0]]))
  })

  it('treats a product it does not know (deleted since) as out of stock', () => {
    expect(allocateStock(new Map(), [request('o1', [['gone', 1]])]).allocations)
      .toEqual([{ outcome: 'rejected', shortLines: [{ productId: 'gone', name: 'GONE', requested: 1, available: 0 }] }])
  })

  it('adds up two lines of the same product before comparing', () => {
    expect(allocateStock(new Map([['a', 3]]), [request('o1', [['a', 2], ['a', 2]])]).allocations[0]!.outcome).toBe('rejected')
  })
})
