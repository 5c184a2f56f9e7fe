import { randomUUID } from 'node:crypto'
import { jetstream } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { closeDb, db, onCommit } from '../../../server/platform/db'
import { pipelineNames } from '../../../server/platform/jetstream'
import { createLogger } from '../../../server/platform/log'
import { enqueue, OUTBOX_CHANNEL, publishAfterCommit, type OutboxRow } from '../../../server/platform/outbox'
import { outboxPublisher } from '../../../server/platform/outbox-publisher'
import { workerIdentity } from '../../../server/platform/worker-identity'
import { SWEEP_AFTER_MS } from '../../../workers/runtime/relay'
import { seedStore, signedInAdmin } from '../../support/admin'
import { newCustomer, order, waitForOrder } from '../../support/shopping'
import { NATS_URL } from '../../support/stack'
import { publishWithIds } from '../../support/stream'

/** A message every consumer acks unread (an OrderAccepted: payments and catalog skip it, ordering skips its own). */
const harmless = () => {
  const id = randomUUID()
  return { id, subject: 'ordering.order-accepted', payload: { messageId: id, orderId: randomUUID() } }
}

describe('the outbox: writers publish their own rows once they commit, the relay sweeps what they leave', () => {
  let sql: ReturnType<typeof db>
  let observer: postgres.Sql
  let nc: NatsConnection
  const names = pipelineNames(inject('natsPrefix'))
  /** True when the stream already holds a message with this id: publishing it again is a duplicate. */
  const inStream = async (id: string) => (await publishWithIds(NATS_URL, [{ subject: names.subject('ordering.order-accepted'), body: '{}', msgID: id }])) === 0
  const rowsOf = (ids: string[]) => observer<{ id: string, publishedAt: Date | null, publishedBy: string | null, createdAt: Date }[]>`
    select id, published_at as "publishedAt", published_by as "publishedBy", created_at as "createdAt" from platform.outbox where id = any(${ids}::uuid[])`

  beforeAll(async () => {
    // The platform functions run on the app's own connection settings, pointed at the test database.
    process.env.DATABASE_URL = inject('databaseUrl')
    sql = db()
    observer = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} })
    nc = await connect({ servers: NATS_URL })
  })
  afterAll(async () => {
    publishAfterCommit(undefined)
    await nc?.close()
    await observer?.end({ timeout: 1 })
    await closeDb()
  })

  it('runs commit hooks once the transaction commits, never after a rollback, at once on the pool, and not in a savepoint', async () => {
    const ran: string[] = []
    await sql.begin(async (tx) => {
      onCommit(tx)!(() => ran.push('committed'))
      await tx`select 1`
      expect(ran).toEqual([])
      await tx.savepoint(async savepoint => expect(onCommit(savepoint)).toBeUndefined())
    })
    expect(ran).toEqual(['committed'])
    await expect(sql.begin(async (tx) => {
      onCommit(tx)!(() => ran.push('rolled back'))
      throw new Error('abandoned')
    })).rejects.toThrow('abandoned')
    onCommit(sql)!(() => ran.push('pool'))
    expect(ran).toEqual(['committed', 'pool'])
  })

  it('hands a transaction\'s rows to the publisher once it commits, without waking the relay; without one, wakes the relay', async () => {
    const heard: string[] = []
    const listening = await observer.listen(OUTBOX_CHANNEL, id => heard.push(id))
    const handed: OutboxRow[][] = []
    publishAfterCommit(rows => handed.push(rows))
    const [first, second] = [harmless(), harmless()]
    const rolledBack = harmless()
    try {
      await sql.begin(async (tx) => {
        await enqueue(tx, [first])
        await enqueue(tx, [second])
        expect(handed).toEqual([])
      })
      await expect(sql.begin(async (tx) => {
        await enqueue(tx, [rolledBack])
        throw new Error('abandoned')
      })).rejects.toThrow('abandoned')
      expect(handed.map(rows => rows.map(row => row.id))).toEqual([[first.id], [second.id]])
      expect(handed[0]![0]).toEqual({ ...first, traceparent: null })

      publishAfterCommit(undefined)
      const unpublished = harmless()
      await sql.begin(tx => enqueue(tx, [unpublished]))
      await expect.poll(() => heard, { timeout: 5000 }).toContain(unpublished.id)
      expect(heard).not.toContain(first.id)
      expect(heard).not.toContain(second.id)
    }
    finally {
      publishAfterCommit(undefined)
      await listening.unlisten()
    }
    // Handed to nobody that publishes: the relay sweeps them once they are old enough.
    await expect.poll(async () => (await rowsOf([first.id, second.id])).every(row => row.publishedAt !== null), { timeout: SWEEP_AFTER_MS + 5000, interval: 250 }).toBe(true)
  })

  it('publishes with Nats-Msg-Id = row id and marks the rows published, stamped with when JetStream acked them', async () => {
    const publisher = outboxPublisher(jetstream(nc), names.subject, sql, createLogger('test'))
    publishAfterCommit(publisher.publish)
    const messages = [harmless(), harmless()]
    try {
      const before = Date.now()
      await sql.begin(tx => enqueue(tx, messages))
      await publisher.drain()
      const rows = await rowsOf(messages.map(message => message.id))
      expect(rows.map(row => row.publishedBy)).toEqual([workerIdentity(), workerIdentity()])
      for (const row of rows) expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 5)
      for (const message of messages) expect(await inStream(message.id)).toBe(true)
    }
    finally {
      publishAfterCommit(undefined)
    }
  })

  it('leaves a row whose writer died between commit and publish to the relay, which publishes it after the grace period', async () => {
    const abandoned = harmless()
    // As a writer that publishes its own rows leaves it: committed, unannounced, unpublished.
    await observer`insert into platform.outbox (id, subject, payload) values (${abandoned.id}, ${abandoned.subject}, ${observer.json(abandoned.payload)})`
    await expect.poll(async () => (await rowsOf([abandoned.id]))[0]!.publishedAt, { timeout: SWEEP_AFTER_MS + 5000, interval: 200 }).not.toBeNull()
    const [row] = await rowsOf([abandoned.id])
    expect(row!.publishedAt!.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(SWEEP_AFTER_MS)
    expect(row!.publishedBy).not.toBe(workerIdentity())
    expect(await inStream(abandoned.id)).toBe(true)
  })

  it('an order placed over HTTP is published hop by hop by its writers (web, then worker), none announced to the relay', async () => {
    const heard: string[] = []
    const listening = await observer.listen(OUTBOX_CHANNEL, id => heard.push(id))
    try {
      const admin = await signedInAdmin()
      const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Lamp', stock: 10, price: 2 }])
      await admin.put(`/api/stores/${storeId}/participating`)
      const { client, customerId } = await newCustomer(inject('baseUrl'))
      const placed = await order(client, customerId, [{ productId: productId!, quantity: 1 }], 2)
      expect((await waitForOrder(client, placed.data.id)).status).toBe('accepted')
      // OrderPlaced, the payment's and the store's results, OrderAccepted.
      await expect.poll(async () => (await observer`select 1 from platform.outbox where payload->>'orderId' = ${placed.data.id} and published_at is not null`).length).toBe(4)
      const rows = await observer<{ id: string, lagMs: number }[]>`
        select id, extract(epoch from published_at - created_at)::float * 1000 as "lagMs"
        from platform.outbox where payload->>'orderId' = ${placed.data.id}`
      for (const row of rows) expect(row.lagMs).toBeLessThan(SWEEP_AFTER_MS)
      expect(heard.filter(id => rows.some(row => row.id === id))).toEqual([])
    }
    finally {
      await listening.unlisten()
    }
  })
})
