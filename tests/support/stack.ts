import { randomBytes } from 'node:crypto'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { natsServers } from '../../server/platform/config'
import { createTestDatabase, type TestDatabase } from './database'
import { NO_DEMO_MALL, RAISED_LIMITS, startServer, type RunningServer } from './server'
import { startWorker, type RunningWorker } from './worker'

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222'

/** Servers a stack runs on when not the machine's shared ones (see services.ts). */
export interface StackServers {
  postgresUrl: string
  natsUrl: string
}

export interface Stack {
  database: TestDatabase
  prefix: string
  env: Record<string, string>
  server: RunningServer
  worker: RunningWorker
  /** Starts another worker on the same database and stream (a replica, or a restart), with `env` on top. */
  startWorker: (env?: Record<string, string>) => Promise<RunningWorker>
  /** Every worker started so far, the first one included. */
  workers: () => RunningWorker[]
  stop: () => Promise<void>
}

/**
 * Web and worker on a database and a NATS prefix of their own, with short confirmation delays unless
 * told otherwise (`env` may also point them at other NATS servers: NATS_URL). `stop` ends both,
 * deletes the stream and drops the database. On `servers` of the test's own, `stop` only ends the
 * processes: the caller throws the servers away whole.
 */
export async function startStack(label: string, env: Record<string, string> = {}, servers?: StackServers): Promise<Stack> {
  const database = await createTestDatabase(label, servers?.postgresUrl)
  const prefix = `t${label}${randomBytes(3).toString('hex')}`.toLowerCase()
  const settings = {
    DATABASE_URL: database.url,
    NATS_URL: servers?.natsUrl ?? NATS_URL,
    PLAZA_NATS_PREFIX: prefix,
    PAYMENT_CONFIRM_DELAY_MS: '0',
    STORE_CONFIRM_DELAY_MS: '0',
    ORDER_CONFIRM_DEADLINE_MS: '30000',
    // Tests place hundreds of orders per customer and sign in often (the worker reads these too).
    ...RAISED_LIMITS,
    ...NO_DEMO_MALL,
    // Several stacks (and engineers) share this host: no worker takes the default metrics port unless a test asks.
    PLAZA_WORKER_METRICS_PORT: '0',
    ...env,
  }
  const server = await startServer(database.url, settings)
  const workers: RunningWorker[] = [await startWorker(settings)]
  return {
    database,
    prefix,
    env: settings,
    server,
    worker: workers[0]!,
    startWorker: async (env = {}) => {
      const worker = await startWorker({ ...settings, ...env })
      workers.push(worker)
      return worker
    },
    workers: () => [...workers],
    stop: async () => {
      if (servers) {
        // A fault test may leave a server down: no drain to wait for, nothing to drop.
        await Promise.all(workers.map(worker => worker.kill()))
        await server.stop()
        return
      }
      await Promise.all(workers.map(worker => worker.stop()))
      await server.stop()
      await deleteStream(prefix, settings.NATS_URL)
      await database.drop()
    },
  }
}

export async function deleteStream(prefix: string, natsUrl = NATS_URL): Promise<void> {
  const nc = await connect({ servers: natsServers(natsUrl) })
  try {
    const jsm = await jetstreamManager(nc)
    await jsm.streams.delete(prefix.toUpperCase()).catch(() => false)
  }
  finally {
    await nc.close()
  }
}
