import type { Client } from './http'

/**
 * Follows an order's live stream (GET /api/orders/:id/live, server-sent events) until `done` says so,
 * and returns the states received; fails after `timeoutMs`.
 */
export async function followLive(client: Client, orderId: string, done: (order: any) => boolean, timeoutMs = 15_000) {
  const response = await fetch(`${client.baseUrl}/api/orders/${orderId}/live`, {
    headers: { cookie: client.cookieHeader, accept: 'text/event-stream' },
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (response.status !== 200) throw new Error(`live stream refused: ${response.status} ${await response.text()}`)
  const states: any[] = []
  const decoder = new TextDecoder()
  let buffered = ''
  const reader = response.body!.getReader()
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffered += decoder.decode(read.value, { stream: true })
      let end: number
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end)
        buffered = buffered.slice(end + 2)
        if (!/^event: order$/m.test(block)) continue
        const data = block.split('\n').filter(line => line.startsWith('data: ')).map(line => line.slice(6)).join('\n')
        states.push(JSON.parse(data))
        if (done(states.at(-1))) {
          await reader.cancel()
          return states
        }
      }
    }
  }
  catch (error) {
    throw new Error(`live stream of ${orderId} ended without the awaited state (${(error as Error).message}); got ${JSON.stringify(states.map(state => state.status))}`)
  }
  throw new Error(`live stream of ${orderId} closed; got ${JSON.stringify(states.map(state => state.status))}`)
}
