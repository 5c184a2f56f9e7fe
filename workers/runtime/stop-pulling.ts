import type { ConsumerMessages } from '@nats-io/jetstream'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Stops pulling without stranding a message. A pull request stays on the server until it is filled
 * or expires, and NATS 2.9 may still deliver to it after its subscriber is gone: that message would
 * sit out the ack wait before another worker saw it (so would one handed back meanwhile, redelivered
 * there). So no new pull goes out, the outstanding ones run out (filled, or expired within
 * the pull expiry) while their messages are handled as usual, and only then is the iterator closed.
 * nats.js 3.4 has no public way to stop pulling and keep receiving, hence its internals here.
 */
export async function stopPulling(messages: ConsumerMessages, expiresMs: number, pullsDone: () => void) {
  // The parts of its pull iterator (PullConsumerMessagesImpl, which the package does not export) used here.
  const pulling = messages as Partial<{ pull: (options: unknown) => void, pending: { msgs: number } }>
  if (pulling.pending && typeof pulling.pull === 'function') {
    pulling.pull = () => {}
    const deadline = Date.now() + expiresMs + 1000
    while (pulling.pending.msgs > 0 && Date.now() < deadline) await sleep(50)
  }
  pullsDone()
  await messages.close()
}
