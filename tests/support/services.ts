import { startNats, type NatsServer } from './nats-server'
import { startPostgres, type PostgresServer } from './postgres-server'
import { startStack, type Stack } from './stack'

export { startNats, startPostgres, type NatsServer, type PostgresServer }

/** A stack on a PostgreSQL and a nats-server of its own, which the test may stop, kill and restart. */
export interface FaultStack extends Stack {
  postgres: PostgresServer
  nats: NatsServer
  /** The tail of what the worker(s) and the web logged above info level: print it when a test fails. */
  diagnostics: () => string
}

/** The last `lines` lines above info level (pino writes levels as labels), each cut to 600 characters. */
const tail = (text: string, lines: number) => text.split('\n').filter(line => line && !/"level":"(info|debug|trace)"/.test(line)).slice(-lines).map(line => line.slice(0, 600)).join('\n')

/**
 * Confirmation delays long enough that messages are in flight (waiting for redelivery) when a fault
 * strikes, and a deadline long enough that no order times out while a server is down.
 */
const FAULT_SETTINGS = {
  PAYMENT_CONFIRM_DELAY_MS: '100',
  STORE_CONFIRM_DELAY_MS: '300',
  ORDER_CONFIRM_DEADLINE_MS: '180000',
}

/**
 * Starts our own PostgreSQL and nats-server, then web and worker on them. `stop` ends the processes
 * and throws both servers away with their data; call it from afterAll, it copes with a half-started
 * stack and with servers a test left down.
 */
export async function startFaultStack(label: string, env: Record<string, string> = {}): Promise<FaultStack> {
  const postgres = await startPostgres()
  let nats: NatsServer | undefined
  try {
    nats = await startNats()
    const stack = await startStack(label, { ...FAULT_SETTINGS, ...env }, { postgresUrl: postgres.url, natsUrl: nats.url })
    const servers = nats
    return {
      ...stack,
      postgres,
      nats: servers,
      diagnostics: () => [
        ...stack.workers().map((worker, index) => `--- worker ${index + 1} (exit ${worker.process.exitCode ?? worker.process.signalCode ?? 'running'})\n${tail(worker.output(), 30)}`),
        `--- web\n${tail(stack.server.output(), 30)}`,
      ].join('\n'),
      stop: async () => {
        try {
          await stack.stop()
        }
        finally {
          await servers.dispose()
          await postgres.dispose()
        }
      },
    }
  }
  catch (error) {
    await nats?.dispose()
    await postgres.dispose()
    throw error
  }
}
