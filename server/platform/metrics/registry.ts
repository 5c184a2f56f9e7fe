import { collectDefaultMetrics, Registry } from 'prom-client'

/**
 * A Prometheus registry of its own (not prom-client's global one) with the default process metrics:
 * CPU, resident memory, heap, event-loop lag, open handles, garbage collection.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return registry
}

/**
 * Wraps a lookup that several gauges of one scrape need (consumer info, outbox lag), so a scrape
 * makes it once: callers within `maxAgeMs` share the same promise.
 */
export function sharedForScrape<T>(lookup: () => Promise<T>, maxAgeMs = 1000): () => Promise<T> {
  let cached: { at: number, value: Promise<T> } | undefined
  return () => {
    if (!cached || Date.now() - cached.at > maxAgeMs) cached = { at: Date.now(), value: lookup() }
    return cached.value
  }
}
