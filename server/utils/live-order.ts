import { createEventStream, type H3Event } from 'h3'
import { getOrder, onOrderChanged, orderChangesReady, type Actor } from '../modules/ordering'
import { db } from '../platform/db'

const HEARTBEAT_MS = 15_000

/**
 * Server-sent events: the order's state now, then again on every change (event "order", id = version).
 * A reconnecting client gets the current state first, so no change is ever missed.
 */
export async function streamOrderChanges(event: H3Event, orderId: string, actor: Actor) {
  const stream = createEventStream(event)
  let sentVersion = 0
  let queue = Promise.resolve()
  const sendLatest = () => {
    queue = queue.then(async () => {
      const order = await getOrder(db(), orderId, actor)
      if (order.version <= sentVersion) return
      sentVersion = order.version
      await stream.push({ id: String(order.version), event: 'order', data: JSON.stringify(order) })
    }).catch(() => {})
  }
  const unsubscribe = onOrderChanged(orderId, sendLatest)
  const heartbeat = setInterval(() => void stream.push({ event: 'ping', data: '' }).catch(() => {}), HEARTBEAT_MS)
  stream.onClosed(() => {
    unsubscribe()
    clearInterval(heartbeat)
  })
  await orderChangesReady()
  sendLatest()
  return stream.send()
}
