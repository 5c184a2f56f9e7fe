import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { natsServers } from '../../server/platform/config'
import { violatedInvariants } from '../support/audit'
import { Client } from '../support/http'
import { startNatsCluster, type NatsCluster } from '../support/nats-cluster'
import { TEST_ADMIN_PASSWORD } from '../support/server'
import { newCustomer, order } from '../support/shopping'
import { startStack, type Stack } from '../support/stack'

const CONSUMERS = ['payments', 'catalog', 'ordering']

async function seedStore(stack: Stack, products: { stock: number, price: number }[], confirmDelayMs: number) {
  const admin = new Client(stack.server.baseUrl)
  await admin.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  const store = (await admin.post('/api/stores', { name: 'Clustered', location: 'Everywhere' })).data
  await admin.put(`/api/stores/${store.id}/participating`)
  await admin.patch(`/api/stores/${store.id}`, { confirmDelayMs })
  const productIds: string[] = []
  for (const [index, product] of products.entries()) {
    productIds.push((await admin.post(`/api/stores/${store.id}/products`, { name: `C${index}`, ...product })).data.id)
  }
  return productIds
}

/** Waits until no order of the database is pending; returns every order's status and rejection reason. */
async function waitUntilDecided(databaseUrl: string, count: number, timeoutMs: number) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const [{ pending, total }] = await sql<[{ pending: number, total: number }]>`
        select count(*) filter (where status = 'pending')::int as pending, count(*)::int as total from ordering.orders`
      if (total === count && pending === 0) break
      if (Date.now() > deadline) throw new Error(`${pending} of ${total} orders still pending after ${timeoutMs} ms`)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
    return await sql<{ id: string, status: string, reason: string | null }[]>`
      select id, status, rejection->>'reason' as reason from ordering.orders`
  }
  finally {
    await sql.end({ timeout: 1 })
  }
}

describe('a 3-node JetStream cluster that loses its stream leader mid-run', () => {
  let cluster: NatsCluster
  let stack: Stack
  let nc: NatsConnection
  let jsm: JetStreamManager

  beforeAll(async () => {
    cluster = await startNatsCluster(3)
    stack = await startStack('cluster', { NATS_URL: cluster.url, PLAZA_STREAM_REPLICAS: '3', ORDER_CONFIRM_DEADLINE_MS: '120000' })
    nc = await connect({ servers: natsServers(cluster.url) })
    jsm = await jetstreamManager(nc)
  }, 120_000)

  afterAll(async () => {
    try {
      await nc?.close()
      await stack?.stop()
    }
    finally {
      await cluster?.stop()
    }
  }, 60_000)

  it('keeps the stream and its consumers on all three nodes', async () => {
    const stream = await jsm.streams.info(stack.prefix.toUpperCase())
    expect(stream.config.num_replicas).toBe(3)
    expect(stream.cluster?.replicas).toHaveLength(2)
    for (const consumer of CONSUMERS) {
      // The consumers set no replica count of their own: they inherit the stream's.
      const info = await jsm.consumers.info(stream.config.name, `${stack.prefix}_${consumer}`)
      expect(info.cluster?.replicas, consumer).toHaveLength(2)
    }
  })

  it('decides every order with no violation after the stream leader is killed with SIGKILL', async () => {
    const [scarce, plenty] = await seedStore(stack, [{ stock: 50, price: 1 }, { stock: 10_000, price: 1 }], 300)
    const { client, customerId } = await newCustomer(stack.server.baseUrl)
    const stream = stack.prefix.toUpperCase()
    const perProduct = 150
    let placed = 0
    let killed: string | undefined
    let killedAt = 0
    const killing = (async () => {
      while (placed < 100) await new Promise(resolve => setTimeout(resolve, 20))
      killed = (await jsm.streams.info(stream)).cluster!.leader!
      await cluster.node(killed).kill()
      killedAt = Date.now()
      console.log(`[measure] killed ${killed}, the stream leader, after ${placed} orders were placed`)
    })()
    const place = async (productId: string) => {
      for (let start = 0; start < perProduct; start += 10) {
        const responses = await Promise.all(Array.from({ length: 10 }, () => order(client, customerId, [{ productId, quantity: 1 }], 1)))
        for (const response of responses) expect(response.status, response.text).toBe(201)
        placed += responses.length
      }
    }
    await Promise.all([place(scarce!), place(plenty!), killing])

    const lastPlacedAt = Date.now()
    const orders = await waitUntilDecided(stack.database.url, 2 * perProduct, 90_000)
    const since = (time: number) => `${((Date.now() - time) / 1000).toFixed(1)} s`
    console.log(`[measure] ${orders.length} orders decided ${since(killedAt)} after the kill, ${since(lastPlacedAt)} after the last was placed`)
    expect(orders.filter(o => !['accepted', 'rejected'].includes(o.status))).toEqual([])
    expect(orders.filter(o => o.reason === 'TIMED_OUT')).toEqual([])
    const left = async (productId: string) => (await client.get(`/api/products/${productId}`)).data.stock
    expect({ scarceLeft: await left(scarce!), accepted: orders.filter(o => o.status === 'accepted').length })
      .toEqual({ scarceLeft: 0, accepted: perProduct + 50 })
    await expect.poll(() => violatedInvariants(stack.database.url), { timeout: 15_000 }).toEqual([])

    // The two nodes left elected a new leader and still hold the stream.
    const after = await jsm.streams.info(stream)
    expect(after.cluster?.leader).toBeTruthy()
    expect(after.cluster?.leader).not.toBe(killed)
  }, 240_000)
})
