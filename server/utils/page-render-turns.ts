import type { H3Event } from 'h3'

/**
 * Server-side rendering is CPU work on the one JavaScript thread: rendering more pages at once
 * does not finish them sooner, but every page in progress holds its component tree and payload. Ten
 * renders interleaved hold ten times the memory, each for ten times as long, long enough to be
 * promoted to the old generation, and the heap grows to match. So pages take turns: two at a time, one rendering while the
 * other waits for its data; the rest wait in order, holding only their request. API routes,
 * including those a page fetches while it renders, never wait.
 */
export const PAGE_RENDERS_AT_ONCE = 2

/** A counting semaphore: `size` turns at a time, handed out in the order they were asked for. */
export function createTurns(size: number) {
  let free = size
  const waiting: (() => void)[] = []
  return {
    /** Resolves when it is the caller's turn, to the function that ends it (calling it again does nothing). */
    async take(): Promise<() => void> {
      if (free > 0) free--
      else await new Promise<void>(resolve => waiting.push(resolve))
      let ended = false
      return () => {
        if (ended) return
        ended = true
        const next = waiting.shift()
        if (next) next()
        else free++
      }
    },
    /** How many callers wait for a turn now. */
    waiting: () => waiting.length,
  }
}

export const pageRenderTurns = createTurns(PAGE_RENDERS_AT_ONCE)

/** Pages only: not the API, not Nuxt's own paths (/_nuxt assets, /__nuxt_error, rendered while a page holds its turn), not files. */
export function isPageRequest(event: H3Event): boolean {
  if (event.method !== 'GET' && event.method !== 'HEAD') return false
  const path = event.path.split('?', 1)[0]!
  return !path.startsWith('/api/') && !path.startsWith('/_') && !/\.[a-z0-9]+$/i.test(path)
}
