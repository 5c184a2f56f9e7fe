import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { natsServers } from '../../server/platform/config'
import { openShop, placeOrders } from '../support/load'
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster'
import { startPostgres, type PostgresServer } from '../support/services'
import { expectSettledCorrectly, report } from '../support/settlement'
import { startStack, type Stack } from '../support/stack'

const CONSUMERS = ['payments', 'catalog', 'ordering']

describe('a 3-node JetStream cluster that loses its stream leader mid-run', () => {
  let postgres: PostgresServer
  let cluster: NatsCluster
  let stack: Stack
  let nc: NatsConnection
  let jsm: JetStreamManager

  beforeAll(async () => {
    postgres = await startPostgres()
    cluster = await startNatsCluster(3)
    // Delays keep messages in flight (waiting for redelivery) when the node dies; the deadline is long
    // enough that no order times out while the cluster elects new leaders.
    stack = await startStack('fcluster', {
      PLAZA_STREAM_REPLICAS: '3',
      PAYMENT_CONFIRM_DELAY_MS: '100',
      STORE_CONFIRM_DELAY_MS: '300',
      ORDER_CONFIRM_DEADLINE_MS: '180000',
    }, { postgresUrl: postgres.url, natsUrl: cluster.url })
    nc = await connect({ servers: natsServers(cluster.url) })
    jsm = await jetstreamManager(nc)
  })
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail' || !stack) return
    console.log([...stack.workers().map(worker => worker.output().slice(-4000)), ...cluster.nodes.map(node => node.output().slice(-2000))].join('\n'))
  })
  afterAll(async () => {
    try {
      await nc?.close()
      await stack?.stop()
    }
    finally {
      await cluster?.stop()
      await postgres?.dispose()
    }
  })

  it('keeps the stream and each of its consumers on all three nodes', async () => {
    const stream = await jsm.streams.info(stack.prefix.toUpperCase())
    expect(stream.config.num_replicas).toBe(3)
    expect(stream.cluster?.replicas).toHaveLength(2)
    for (const consumer of CONSUMERS) {
      // The consumers set no replica count of their own: they inherit the stream's.
      const info = await jsm.consumers.info(stream.config.name, `${stack.prefix}_${consumer}`)
      expect(info.cluster?.replicas, consumer).toHaveLength(2)
    }
  })

  it('loses and doubles nothing when the stream leader is killed with SIGKILL: every order decided as it must be, audit clean', async () => {
    const started = Date.now()
    const stream = stack.prefix.toUpperCase()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    await load.placed(100)
    const killed = (await jsm.streams.info(stream)).cluster!.leader!
    await cluster.node(killed).kill()
    const killedAt = Date.now()
    const placed = await load.done
    const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)
    report(`stream leader ${killed} of 3 JetStream nodes SIGKILLed after 100 orders`, settlement, {
      'decided after the kill': `${((Date.now() - killedAt) / 1000).toFixed(1)} s`,
      total: `${((Date.now() - started) / 1000).toFixed(1)} s`,
    })
    // The two nodes left elected a new leader, and the worker rode it out (the same process throughout).
    const after = await jsm.streams.info(stream)
    expect(after.cluster?.leader).toBeTruthy()
    expect(after.cluster?.leader).not.toBe(killed)
    expect(stack.workers().map(worker => worker.process.exitCode)).toEqual([null])
  })
})
