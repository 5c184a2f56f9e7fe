import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'

/** Connects to the given NATS, runs `use`, closes. */
export async function withNatsAt<T>(url: string, use: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: url })
  try {
    return await use(nc)
  }
  finally {
    await nc.close()
  }
}

/** The Nats-Msg-Id of every message the stream holds, in order (read with an ordered consumer). */
export function messageIdsInStream(url: string, stream: string): Promise<string[]> {
  return withNatsAt(url, async (nc) => {
    const { state } = await (await jetstreamManager(nc)).streams.info(stream)
    const ids: string[] = []
    if (state.messages === 0) return ids
    const messages = await (await jetstream(nc).consumers.get(stream)).consume()
    for await (const message of messages) {
      ids.push(message.headers?.get('Nats-Msg-Id') ?? '')
      if (message.info.pending === 0) break
    }
    return ids
  })
}

/** Publishes each message with its own Nats-Msg-Id; returns how many the stream kept (the others were duplicates). */
export function publishWithIds(url: string, messages: { subject: string, body: string, msgID: string }[]): Promise<number> {
  return withNatsAt(url, async (nc) => {
    const js = jetstream(nc)
    const acks = await Promise.all(messages.map(({ subject, body, msgID }) => js.publish(subject, body, { msgID })))
    return acks.filter(ack => !ack.duplicate).length
  })
}
