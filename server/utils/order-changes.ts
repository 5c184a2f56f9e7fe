import { EventEmitter } from 'node:events'
import { ORDER_CHANGED_CHANNEL } from '../modules/ordering'
import { db } from '../platform/db'

// One LISTEN connection per web process fans order changes out to its live streams. NOTIFY is sent
// by whichever process appended the events (web or worker), so every replica hears every change.
const changes = new EventEmitter().setMaxListeners(0)
let listening: Promise<unknown> | undefined

export function onOrderChanged(orderId: string, listener: () => void): () => void {
  listening ??= db().listen(ORDER_CHANGED_CHANNEL, changedId => changes.emit(changedId)).catch((error) => {
    listening = undefined
    throw error
  })
  changes.on(orderId, listener)
  return () => changes.off(orderId, listener)
}

/** Resolves once the LISTEN is in place, so no change between the first read and the subscription is missed. */
export function orderChangesReady(): Promise<unknown> {
  return listening ?? Promise.resolve()
}
