import { connect, type NatsConnection } from '@nats-io/transport-node'
import { config, natsServers } from './config'

let connecting: Promise<NatsConnection> | undefined

/** The process's one NATS connection, opened on first use and reconnecting by itself afterwards. */
export function nats(name = 'plaza'): Promise<NatsConnection> {
  connecting ??= connect({
    servers: natsServers(config().NATS_URL),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    // Each request (every JetStream publish of the relay) would otherwise build two Error objects
    // with stack traces up front, in case it times out: about 5 % of the worker's CPU under load.
    // A timeout still fails the publish; its error just does not point at the caller.
    noAsyncTraces: true,
  })
    .catch((error) => {
      connecting = undefined
      throw error
    })
  return connecting
}
