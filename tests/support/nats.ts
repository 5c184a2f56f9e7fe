import { randomUUID } from 'node:crypto'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { NATS_URL } from './stack'

export async function withNats<T>(use: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: NATS_URL })
  try {
    return await use(nc)
  }
  finally {
    await nc.close()
  }
}

/** Publishes raw bytes to a subject of the stream, with a fresh Nats-Msg-Id so dedup does not drop it. */
export function publishRaw(subject: string, body: string) {
  return withNats(nc => jetstream(nc).publish(subject, body, { msgID: randomUUID() }))
}

/** Every message the stream holds about an order, as (subject, body). */
export function streamMessagesOf(prefix: string, orderId: string) {
  return withNats(async (nc) => {
    const jsm = await jetstreamManager(nc)
    const stream = prefix.toUpperCase()
    const { state } = await jsm.streams.info(stream)
    const found: { subject: string, body: string }[] = []
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null)
      if (message && message.string().includes(orderId)) found.push({ subject: message.subject, body: message.string() })
    }
    return found
  })
}
