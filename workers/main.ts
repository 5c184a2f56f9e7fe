import { jetstream } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { ConfigError, config } from '../server/platform/config'
import { closeDb, db, nameConnections, relayDb, waitForDatabase } from '../server/platform/db'
import { ensurePipeline, pipelineNames } from '../server/platform/jetstream'
import { createLogger } from '../server/platform/log'
import { natsOptions } from '../server/platform/nats'
import { publishAfterCommit } from '../server/platform/outbox'
import { outboxPublisher } from '../server/platform/outbox-publisher'
import { startTracing, stopTracing } from '../server/platform/tracing'
import { workerIdentity } from '../server/platform/worker-identity'
import { catalogConsumer } from './consumers/catalog'
import { orderingConsumer } from './consumers/ordering'
import { paymentsConsumer } from './consumers/payments'
import { watchMaxDeliveries } from './runtime/advisories'
import { runConsumer } from './runtime/consumer'
import { startDeadlineSweeper } from './runtime/deadlines'
import { publishedMessages, watchPipeline, workerMetrics } from './runtime/metrics'
import { startMetricsServer } from './runtime/metrics-server'
import { startRelay } from './runtime/relay'

const log = createLogger('worker')

/**
 * How long a stopping worker may take. Batches in flight finish in well under a second and the rest
 * is handed back at once; past this (a database that stopped answering mid-batch) it exits anyway,
 * well inside the 30 s a pod or compose grants after SIGTERM, and what it held comes back after the ack wait.
 */
const SHUTDOWN_LIMIT_MS = 20_000

async function connectNats(url: string): Promise<NatsConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect(natsOptions(url, 'plaza-worker'))
    }
    catch (error) {
      const delay = Math.min(500 * 2 ** (attempt - 1), 10_000)
      log.error(`NATS is not reachable at ${url} (${(error as Error).message}). Start it with \`docker compose up -d nats\`, or set NATS_URL. Retrying in ${(delay / 1000).toFixed(1)} s.`)
      await new Promise(resolve => setTimeout(resolve, delay))
    }
  }
}

async function main() {
  const settings = config()
  startTracing('plaza-worker', line => log.warn(line))
  nameConnections('plaza-worker')
  const sql = db()
  await waitForDatabase(sql, settings.DATABASE_URL, line => log.error(line))
  const nc = await connectNats(settings.NATS_URL)
  const names = pipelineNames(settings.PLAZA_NATS_PREFIX)
  const jsm = await ensurePipeline(nc, names, settings.PLAZA_STREAM_REPLICAS)
  const js = jetstream(nc)
  watchPipeline(workerMetrics, sql, jsm, names, log)
  const metricsServer = startMetricsServer(workerMetrics, { port: settings.PLAZA_WORKER_METRICS_PORT, token: settings.PLAZA_METRICS_TOKEN }, log)

  // What this worker's consumers and deadline sweeper write to the outbox, it publishes right after the commit.
  const publisher = outboxPublisher(js, names.subject, relayDb(), log, count => publishedMessages.inc({ by: 'writer' }, count))
  publishAfterCommit(publisher.publish)

  const roles = new Set(settings.PLAZA_WORKER_ROLES)
  const stop = new AbortController()
  const relay = roles.has('relay') ? startRelay(relayDb(), settings.DATABASE_URL, js, names, log, stop.signal) : undefined
  const sweeper = roles.has('deadlines') ? startDeadlineSweeper(sql, log, stop.signal) : undefined
  const specs = [
    roles.has('payments') && { durable: names.durable('payments'), spec: paymentsConsumer(sql, settings.PAYMENT_CONFIRM_DELAY_MS) },
    roles.has('catalog') && { durable: names.durable('catalog'), spec: catalogConsumer(sql, settings.STORE_CONFIRM_DELAY_MS) },
    roles.has('ordering') && { durable: names.durable('ordering'), spec: orderingConsumer(sql, names.relative) },
  ].filter(spec => spec !== false)
  // Dead letters at max_deliver concern the consumers: a relay- or deadlines-only process leaves them to those.
  const advisories = specs.length > 0 ? watchMaxDeliveries(nc, jsm, sql, names, log) : undefined
  const context = { db: sql, log, batchSize: settings.PLAZA_WORKER_BATCH_SIZE, relative: names.relative, stopSignal: stop.signal }
  const consumers = specs.map(async ({ durable, spec }) => runConsumer(await js.consumers.get(names.stream, durable), spec, context))
  log.info({ stream: names.stream, roles: [...roles], replicas: settings.PLAZA_STREAM_REPLICAS, batchSize: settings.PLAZA_WORKER_BATCH_SIZE, worker: workerIdentity() }, 'worker started')

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'draining: finishing the batches in flight, handing back the rest')
    setTimeout(() => {
      log.error({ limitMs: SHUTDOWN_LIMIT_MS }, 'could not stop in time; exiting with work in flight')
      process.exit(1)
    }, SHUTDOWN_LIMIT_MS).unref()
    stop.abort()
    advisories?.stop()
    await Promise.allSettled([...consumers, relay?.done, sweeper, advisories?.done, metricsServer.close()])
    await publisher.drain()
    await nc.drain()
    await closeDb()
    await stopTracing()
    log.info('worker stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  // A consumer loop that ends by itself (not on shutdown) means the connection is gone for good: exit and let the supervisor restart.
  await Promise.race(consumers)
  if (!stopping) {
    log.error('a consumer stopped unexpectedly; exiting')
    process.exit(1)
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message)
  else log.error({ err: error }, 'worker failed to start')
  process.exit(1)
})
