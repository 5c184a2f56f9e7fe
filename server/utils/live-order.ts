import { createEventStream, type H3Event } from 'h3'
import { getOrder, onOrderChanged, orderChangesReady, type Actor } from '../modules/ordering'
import { config } from '../platform/config'
import { db } from '../platform/db'
import { DomainError } from '../platform/errors'

const HEARTBEAT_MS = 15_000
/** How soon a browser reconnects to a stream this process ends because it is stopping. */
const RECONNECT_MS = 500

/** Live streams open in this process, per session. */
const openStreams = new Map<string, number>()

/** What ends each live stream open in this process. */
const liveStreams = new Set<() => Promise<void>>()
let stopping = false

/**
 * Ends every live stream, and refuses new ones (503), once the process is stopping. A stream never
 * ends by itself, and the server's graceful shutdown waits for every open connection: the browser's
 * EventSource reconnects, through the load balancer, to a replica that stays.
 */
export async function endLiveStreams(): Promise<void> {
  stopping = true
  await Promise.allSettled([...liveStreams].map(end => end()))
}

/**
 * What live streams are counted by: the session (its id, which the sealed cookie carries). The one
 * place that says so, should sessions change shape.
 */
async function streamOwner(event: H3Event): Promise<string> {
  return (await getUserSession(event)).id
}

/**
 * Takes one of the session's live streams (PLAZA_LIVE_STREAMS_PER_SESSION; 429 beyond it) and
 * returns what gives it back. Counted per web process: a stream lives on one process for its whole
 * life, and a session spread over N replicas may hold N times the cap, which still bounds it.
 */
export async function claimLiveStream(event: H3Event): Promise<() => void> {
  const owner = await streamOwner(event)
  const open = openStreams.get(owner) ?? 0
  if (open >= config().PLAZA_LIVE_STREAMS_PER_SESSION) {
    throw new DomainError('RATE_LIMITED', `Too many live order streams open for this session (at most ${config().PLAZA_LIVE_STREAMS_PER_SESSION}); close one first`)
  }
  openStreams.set(owner, open + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (openStreams.get(owner) ?? 1) - 1
    if (left > 0) openStreams.set(owner, left)
    else openStreams.delete(owner)
  }
}

/**
 * Server-sent events: the order's state now, then again on every change (event "order", id = version).
 * A reconnecting client gets the current state first, so no change is ever missed.
 */
export async function streamOrderChanges(event: H3Event, orderId: string, actor: Actor) {
  if (stopping) throw new DomainError('UNAVAILABLE', 'This server is restarting; reconnect in a moment')
  const release = await claimLiveStream(event)
  event.node.res.once('close', release)
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
  const end = async () => {
    await stream.push({ event: 'ping', data: '', retry: RECONNECT_MS }).catch(() => {})
    await stream.close()
  }
  liveStreams.add(end)
  stream.onClosed(() => {
    release()
    unsubscribe()
    clearInterval(heartbeat)
    liveStreams.delete(end)
  })
  await orderChangesReady()
  sendLatest()
  return stream.send()
}
