import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node'
import { config, natsServers } from './config'

/** How web and worker connect: to every server NATS_URL names, reconnecting for ever, a second apart. */
export function natsOptions(url: string, name: string): ConnectionOptions {
  return {
    servers: natsServers(url),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    // Each request (every JetStream publish of the relay) would otherwise build two Error objects
    // with stack traces up front, in case it times out: about 7 % of the worker's CPU under load.
    // A timeout still fails the publish; its error just does not point at the caller.
    noAsyncTraces: true,
  }
}

let connecting: Promise<NatsConnection> | undefined

/** The process's one NATS connection, opened on first use and reconnecting by itself afterwards. */
export function nats(name = 'plaza'): Promise<NatsConnection> {
  connecting ??= connect(natsOptions(config().NATS_URL, name))
    .catch((error) => {
      connecting = undefined
      throw error
    })
  return connecting
}
