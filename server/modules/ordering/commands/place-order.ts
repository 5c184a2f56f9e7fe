import type { Db, Sql } from '../../../platform/db'
import { DomainError } from '../../../platform/errors'
import { HTTP_CAUSE } from '../adapters/order-events.pg'
import { selectOrderByIdempotencyKey } from '../adapters/orders.pg'
import { totalOf, type Order, type OrderLine } from '../order'
import type { PlaceOrderInput } from '../schemas'
import { appendToOrder, newOrderId } from './append'

/** What placing an order needs from other modules and the world, passed in by the caller. */
export interface PlaceOrderPorts {
  /** Lines priced from the catalog; throws UNPROCESSABLE for an unknown product or one not on sale. */
  priceItems: (db: Sql, items: { productId: string, quantity: number }[]) => Promise<OrderLine[]>
  /** The caller's authorization, if it exists, is theirs and is still open. */
  findOpenAuthorization: (db: Sql, paymentId: string, customerId: string) => Promise<{ id: string } | undefined>
  now: () => Date
  deadlineMs: number
}

/** Repeated product ids are one line with the quantities added up. */
function mergeItems(items: PlaceOrderInput['items']) {
  const quantities = new Map<string, number>()
  for (const item of items) quantities.set(item.productId, (quantities.get(item.productId) ?? 0) + item.quantity)
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity }))
}

/**
 * Places an order: OrderPlaced, the read model and the outbox row commit together. Prices come from
 * the catalog, never from the client. A retried request with the same Idempotency-Key returns the
 * order it created the first time.
 */
export async function placeOrder(db: Db, input: PlaceOrderInput & { idempotencyKey?: string }, ports: PlaceOrderPorts): Promise<{ order: Order, created: boolean }> {
  const replay = async () => input.idempotencyKey ? selectOrderByIdempotencyKey(db, input.customerId, input.idempotencyKey) : undefined
  const earlier = await replay()
  if (earlier) return { order: earlier, created: false }

  if (!(await ports.findOpenAuthorization(db, input.paymentId, input.customerId))) {
    throw new DomainError('UNPROCESSABLE', 'That payment is unknown, not yours, or already used')
  }

  const lines = await ports.priceItems(db, mergeItems(input.items))
  const now = ports.now()
  const placed = {
    type: 'OrderPlaced' as const,
    data: {
      customerId: input.customerId,
      paymentId: input.paymentId,
      lines,
      totalCents: totalOf(lines),
      deadlineAt: new Date(now.getTime() + ports.deadlineMs).toISOString(),
    },
  }
  try {
    const order = await db.begin(tx => appendToOrder(tx, undefined, newOrderId(), [placed], HTTP_CAUSE, input.idempotencyKey))
    return { order, created: true }
  }
  catch (error) {
    const constraint = (error as { constraint_name?: string }).constraint_name
    // A retried request racing the first one trips over whichever unique index Postgres checks
    // first: the key's, or the payment's (the retry names the same payment). Either way, the order
    // the first request created is the answer.
    if (constraint === 'orders_customer_id_idempotency_key_key' || constraint === 'orders_payment_id_key') {
      const order = await replay()
      if (order) return { order, created: false }
    }
    if (constraint === 'orders_payment_id_key') throw new DomainError('CONFLICT', 'That payment already funds another order')
    throw error
  }
}
