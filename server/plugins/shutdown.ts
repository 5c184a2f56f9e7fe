import { endLiveStreams } from '../utils/live-order'

/**
 * Graceful shutdown of the web. Nitro's own, on the same signals, stops accepting connections, lets
 * the requests in flight finish and waits for every connection to close before it exits: live order
 * streams never close by themselves, so they are ended here, as the signal arrives.
 */
export default defineNitroPlugin(() => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void endLiveStreams())
})
