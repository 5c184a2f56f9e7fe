/**
 * A bounded hand-over between a consumer's message iterator and its batch loop. The iterator keeps
 * being drained while a batch runs (nats.js sends its next pull request from inside the iterator),
 * and the batch loop takes whatever has arrived. Asking the iterator how much is buffered is not
 * reliable: its getPending() can stay above zero after the last buffered message.
 */
export function batchQueue<T>(capacity: number) {
  const items: T[] = []
  let closed = false
  let wakeTaker: (() => void) | undefined
  let wakePutter: (() => void) | undefined
  let batchFull: (() => void) | undefined
  let lingerUntil = Number.POSITIVE_INFINITY
  return {
    /** Adds an item, waiting while the queue is full. */
    async put(item: T) {
      while (items.length >= capacity) await new Promise<void>(resolve => (wakePutter = resolve))
      items.push(item)
      wakeTaker?.()
      if (items.length >= lingerUntil) batchFull?.()
    },
    close() {
      closed = true
      wakeTaker?.()
    },
    /**
     * Waits for an item, then until `notBefore` (a Date.now() time) for the batch to fill, unless it
     * fills first (what is already arriving lands in any case), then takes up to `max`. Empty: closed and drained.
     */
    async take(max: number, notBefore = 0): Promise<T[]> {
      while (items.length === 0 && !closed) await new Promise<void>(resolve => (wakeTaker = resolve))
      const lingerMs = notBefore - Date.now()
      if (lingerMs > 0 && items.length < max && !closed) {
        lingerUntil = max
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, lingerMs)
          batchFull = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        batchFull = undefined
        lingerUntil = Number.POSITIVE_INFINITY
      }
      await new Promise(resolve => setImmediate(resolve))
      const batch = items.splice(0, max)
      wakePutter?.()
      return batch
    },
  }
}
