import type { Sql } from '../../../platform/db'
import { DomainError } from '../../../platform/errors'
import { findVisibleOrder, type Actor } from '../access'
import { selectEvents } from '../adapters/order-events.pg'
import { fold } from '../order'
import { eventView, orderView } from '../view'

/** The order now, or as it was at a version or a moment (a fold over its events up to there). */
export async function getOrder(db: Sql, orderId: string, actor: Actor, asOf: { version?: number, at?: Date } = {}) {
  const latest = await findVisibleOrder(db, orderId, actor)
  if (asOf.version === undefined && asOf.at === undefined) return orderView(latest)
  const state = fold(await selectEvents(db, orderId, asOf), orderId)
  if (!state) throw new DomainError('NOT_FOUND', 'The order did not exist yet at that point')
  return orderView(state)
}

export async function getOrderEvents(db: Sql, orderId: string, actor: Actor) {
  await findVisibleOrder(db, orderId, actor)
  return (await selectEvents(db, orderId)).map(eventView)
}
