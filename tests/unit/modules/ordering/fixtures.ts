import { totalOf, type OrderEvent, type OrderLine } from '../../../../server/modules/ordering/order'

// Shared ids and the OrderPlaced event the ordering unit tests start from.
export const ORDER = '11111111-1111-4111-8111-111111111111'
export const STORE_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
export const STORE_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
export const PAYMENT = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
export const CUSTOMER = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
export const MUG = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'
export const TEA = 'ffffffff-ffff-4fff-8fff-ffffffffffff'

export const mugFromA: OrderLine = { productId: MUG, storeId: STORE_A, storeName: 'A', name: 'Mug', quantity: 2, unitPriceCents: 500 }
export const teaFromB: OrderLine = { productId: TEA, storeId: STORE_B, storeName: 'B', name: 'Tea', quantity: 1, unitPriceCents: 1500 }

/** OrderPlaced for these lines, paid with PAYMENT, due one minute after 2026-01-01T00:00Z. */
export function placedWith(lines: OrderLine[]): OrderEvent {
  return { type: 'OrderPlaced', data: { customerId: CUSTOMER, paymentId: PAYMENT, totalCents: totalOf(lines), deadlineAt: '2026-01-01T00:01:00.000Z', lines } }
}
