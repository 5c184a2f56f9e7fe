import type { Link } from '@opentelemetry/api'
import { inSpan, linkToActive, tracingOn } from './tracing'

/**
 * Group commit: calls that arrive while earlier ones are being written wait and are written together.
 * At most `maxInFlight` batches run at once; a call that finds a free slot starts one at once (after
 * the current turn of the event loop, so calls that arrived together go together), and when a batch
 * ends the next takes up to `maxBatch` of the calls waiting meanwhile. A quiet server writes each call
 * alone, without delay; a busy one writes them in batches that grow with the load, so the round trips
 * and commits per call fall as the rate rises.
 *
 * `run` returns one result per item, in order; if it throws, every call of the batch fails with that error.
 */
export function groupCommit<I, O>(run: (items: I[]) => Promise<O[]>, options: { maxBatch: number, maxInFlight: number, name?: string }): (item: I) => Promise<O> {
  const waiting: { item: I, resolve: (result: O) => void, reject: (error: unknown) => void, links: Link[] }[] = []
  let inFlight = 0
  let starting = false

  const startBatch = () => {
    if (starting || inFlight >= options.maxInFlight || waiting.length === 0) return
    starting = true
    setImmediate(() => {
      starting = false
      void runBatch(waiting.splice(0, options.maxBatch))
    })
  }

  const runBatch = async (batch: typeof waiting) => {
    if (batch.length === 0) return
    inFlight++
    startBatch()
    try {
      const items = batch.map(call => call.item)
      // Tracing on: the batch is a span of its own, linked to the requests it writes for.
      const results = options.name && tracingOn()
        ? await inSpan(options.name, { root: true, links: batch.flatMap(call => call.links), attributes: { 'plaza.batch.size': items.length } }, () => run(items))
        : await run(items)
      batch.forEach((call, index) => call.resolve(results[index]!))
    }
    catch (error) {
      for (const call of batch) call.reject(error)
    }
    finally {
      inFlight--
      startBatch()
    }
  }

  return item => new Promise<O>((resolve, reject) => {
    waiting.push({ item, resolve, reject, links: tracingOn() ? linkToActive() : [] })
    startBatch()
  })
}
