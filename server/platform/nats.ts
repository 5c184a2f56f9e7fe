import { connect, type NatsConnection } from '@nats-io/transport-node'
import { config, natsServers } from './config'

let connecting: Promise<NatsConnection> | undefined

/** The process's one NATS connection, opened on first use and reconnecting by itself afterwards. */
export function nats(name = 'plaza'): Promise<NatsConnection> {
  connecting ??= connect({ servers: natsServers(config().NATS_URL), name, maxReconnectAttempts: -1, reconnectTimeWait: 1000 })
    .catch((error) => {
      connecting = undefined
      throw error
    })
  return connecting
}
