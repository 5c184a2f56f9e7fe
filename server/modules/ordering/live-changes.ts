import { EventEmitter } from 'node:events'
import { config } from '../../platform/config'
import { connectionName } from '../../platform/db'
import { listenDurably, type DurableListener } from '../../platform/listen'
import { ORDER_CHANGED_CHANNEL } from './adapters/order-streams.pg'

// One LISTEN connection per web process fans order changes out to its live streams. NOTIFY is sent
// by whichever process appended the events (web or worker), so every replica hears every change.
const changes = new EventEmitter().setMaxListeners(0)
let listener: DurableListener | undefined

export function onOrderChanged(orderId: string, listener: () => void): () => void {
  listening()
  changes.on(orderId, listener)
  return () => changes.off(orderId, listener)
}

/** Resolves once the LISTEN was tried, so no change between the first read and the subscription is missed. */
export function orderChangesReady(): Promise<void> {
  return listening().ready
}

function listening(): DurableListener {
  listener ??= listenDurably(config().DATABASE_URL, ORDER_CHANGED_CHANNEL, connectionName(), {
    onNotify: changedId => changes.emit(changedId),
    // Changes made while the LISTEN was down went unheard: every open stream reads its order again.
    onResubscribed: () => {
      for (const orderId of changes.eventNames()) changes.emit(orderId)
    },
    onError: error => console.error(`[plaza] live order updates paused, the database is not reachable (${(error as { code?: string }).code ?? (error as Error).message}); retrying`),
  })
  return listener
}
