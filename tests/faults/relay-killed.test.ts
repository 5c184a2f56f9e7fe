import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'
import { messageIdsInStream, publishWithIds } from '../support/stream'

const HOLD = 4242

/**
 * How the relay is stopped between publishing and marking, with no hook in the production code: a
 * trigger this test installs in its own database makes the relay's `update … set published_at` wait
 * on an advisory lock the test holds. The relay has then really published its batch (the stream holds
 * it) and sits in the statement that would mark it, where the test SIGKILLs the worker. Its transaction
 * dies with it, so the rows stay unpublished and the next worker's relay publishes them again. This
 * exercises the real relay code path, which publishing the rows from the test would not.
 */
async function holdOutboxMarks(databaseUrl: string) {
  const holder = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  await holder`select pg_advisory_lock(${HOLD})`
  await holder.unsafe(`
    create function public.fault_hold_mark() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_lock_shared(${HOLD});
      perform pg_advisory_unlock_shared(${HOLD});
      return null;
    end $$;
    create trigger fault_hold_mark before update of published_at on platform.outbox
      for each statement execute function public.fault_hold_mark();`)
  return {
    /** Waits until `count` worker sessions are stuck in the trigger: relays that published and are marking. */
    relaysStuck: async (count: number) => {
      for (let waited = 0; waited < 30_000; waited += 100) {
        const [{ stuck }] = await holder<[{ stuck: number }]>`
          select count(*)::int as stuck from pg_stat_activity
          where application_name = 'plaza-worker' and wait_event_type = 'Lock' and wait_event = 'advisory'`
        if (stuck >= count) return
        await new Promise(resolve => setTimeout(resolve, 100))
      }
      throw new Error(`fewer than ${count} relays reached the marking statement`)
    },
    /** The unpublished rows some other session holds locked: the batch the relay is marking. */
    inFlight: () => holder.begin(async (tx) => {
      const all = await tx<{ id: string }[]>`select id from platform.outbox where published_at is null`
      const free = new Set((await tx<{ id: string }[]>`select id from platform.outbox where published_at is null for update skip locked`).map(row => row.id))
      return all.map(row => row.id).filter(id => !free.has(id))
    }),
    /** Lets the held statement go (its client is dead by then, so its transaction rolls back) and removes the trigger. */
    release: async () => {
      await holder`select pg_advisory_unlock(${HOLD})`
      for (let waited = 0; waited < 30_000; waited += 100) {
        const [left] = await holder`select 1 from pg_stat_activity where application_name = 'plaza-worker'`
        if (!left) break
        await new Promise(resolve => setTimeout(resolve, 100))
      }
      await holder.unsafe('drop trigger fault_hold_mark on platform.outbox; drop function public.fault_hold_mark()')
    },
    deadLetters: async () => (await holder<[{ count: number }]>`select count(*)::int as count from platform.dead_letters`)[0].count,
    rows: (ids: string[]) => holder<{ id: string, subject: string, payload: unknown, publishedAt: Date | null }[]>`
      select id, subject, payload, published_at as "publishedAt" from platform.outbox where id = any(${ids}::uuid[])`,
    end: () => holder.end({ timeout: 1 }),
  }
}

describe('the relay killed after publishing, before marking', () => {
  const stackOf = useFaultStack('frelay')

  it('publishes the batch again, and the stream and the inboxes drop the copies: nothing handled twice', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    await load.placed(100)

    const hold = await holdOutboxMarks(stack.database.url)
    try {
      // Twice: the first relay's batch is whatever was pending at that moment, often a row or two.
      // Orders keep coming while it is stuck, so the next worker's relay takes a batch of hundreds
      // (the first batch stays locked by the dead worker's session until it is released).
      await hold.relaysStuck(1)
      await stack.workers().at(-1)!.kill()
      await stack.startWorker()
      await hold.relaysStuck(2)
      const inFlight = await hold.inFlight()
      expect(inFlight.length).toBeGreaterThan(0)
      // Published: the stream holds every row of both batches.
      const stream = stack.prefix.toUpperCase()
      await expect.poll(async () => {
        const inStream = new Set(await messageIdsInStream(stack.nats.url, stream))
        return inFlight.filter(id => !inStream.has(id))
      }, { timeout: 10_000 }).toEqual([])

      await stack.workers().at(-1)!.kill()
      await hold.release()
      // Not marked: each relay died before its transaction could commit.
      const rows = await hold.rows(inFlight)
      expect(rows.filter(row => row.publishedAt !== null)).toEqual([])

      // Had the relay stayed down past the stream's two-minute duplicate window, its copies would come
      // with the same content but the stream would keep them: send such copies too, for the inboxes to drop.
      const kept = await publishWithIds(stack.nats.url, rows.map(row => ({ subject: `${stack.prefix}.${row.subject}`, body: JSON.stringify(row.payload), msgID: randomUUID() })))
      expect(kept).toBe(rows.length)

      await stack.startWorker()
      const placed = await load.done
      const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)

      // The new relay published the batch again under the same ids, and the stream kept one copy of each.
      const ids = await messageIdsInStream(stack.nats.url, stream)
      const copies = inFlight.map(id => ids.filter(each => each === id).length)
      expect(copies).toEqual(inFlight.map(() => 1))
      expect((await hold.rows(inFlight)).every(row => row.publishedAt !== null)).toBe(true)
      // The late copies were recognised as handled, not mistaken for poison.
      expect(await hold.deadLetters()).toBe(0)
      report('relay killed between publish and mark, twice', settlement, { 'rows published twice': inFlight.length, 'late copies sent': rows.length, total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
    }
    finally {
      await hold.end()
    }
  })
})
