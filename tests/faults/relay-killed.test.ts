import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { useFaultStack } from '../support/fault-hooks'
import { openShop, placeOrders } from '../support/load'
import { expectSettledCorrectly, report } from '../support/settlement'
import { messageIdsInStream, publishWithIds } from '../support/stream'

const HOLD = 4242

/**
 * How a publisher is stopped between publishing and marking, with no hook in the production code: a
 * trigger this test installs in its own database makes every `update … set published_at` wait on an
 * advisory lock the test holds. A writer that published its rows right after its commit (web, worker)
 * then sits in its batched mark with more marks queued behind it, and a relay sits in the statement
 * that would mark the batch it published, holding the batch's rows locked; there the test SIGKILLs the
 * worker. What it had not marked stays unpublished, and the next worker's relay publishes it again.
 * This exercises the real code paths, which publishing the rows from the test would not.
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
    /** Waits until `count` worker sessions are stuck in the trigger: publishers (writers' or relays') that published and are marking. */
    markingStuck: async (count: number) => {
      for (let waited = 0; waited < 30_000; waited += 100) {
        const [{ stuck }] = await holder<[{ stuck: number }]>`
          select count(*)::int as stuck from pg_stat_activity
          where application_name = 'plaza-worker' and wait_event_type = 'Lock' and wait_event = 'advisory'`
        if (stuck >= count) return
        await new Promise(resolve => setTimeout(resolve, 100))
      }
      throw new Error(`fewer than ${count} worker sessions reached a marking statement`)
    },
    /** Every unpublished row, by id. */
    unpublished: async () => (await holder<{ id: string }[]>`select id from platform.outbox where published_at is null`).map(row => row.id),
    /** The unpublished rows some other session holds locked: the batch a relay is marking. */
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

describe('publishers killed after publishing, before marking: a writer, then the relay', () => {
  const stackOf = useFaultStack('frelay')

  it('publishes their rows again, and the stream and the inboxes drop the copies: nothing handled twice', async () => {
    const stack = stackOf()
    const started = Date.now()
    const shop = await openShop(stack.server.baseUrl)
    const load = placeOrders(shop, 300)
    await load.placed(100)
    const stream = stack.prefix.toUpperCase()
    const inStream = async (ids: string[]) => {
      const held = new Set(await messageIdsInStream(stack.nats.url, stream))
      return ids.filter(id => held.has(id))
    }

    const hold = await holdOutboxMarks(stack.database.url)
    try {
      // First the worker as a writer: it publishes its results after each commit, and its marks wait.
      // It keeps working for a second, its later marks queued behind the held one, then dies.
      await hold.markingStuck(1)
      await new Promise(resolve => setTimeout(resolve, 1000))
      await stack.workers().at(-1)!.kill()
      const orphans = await inStream(await hold.unpublished())
      expect(orphans.length).toBeGreaterThan(0)

      // Then the relay: the next worker's first pass takes every unpublished row (the dead writer's
      // among them), publishes it again and waits in its mark, holding the rows locked.
      await stack.startWorker()
      await hold.markingStuck(2)
      const inFlight = await hold.inFlight()
      expect(inFlight.length).toBeGreaterThan(0)
      await expect.poll(async () => inFlight.length - (await inStream(inFlight)).length, { timeout: 10_000 }).toBe(0)

      await stack.workers().at(-1)!.kill()
      await hold.release()
      // Marks already sent finish once released (the web's, and the dead writer's one statement);
      // the relay's transaction and the writer's queued marks died with their process.
      const rows = await hold.rows(inFlight)
      const unmarked = rows.filter(row => row.publishedAt === null)
      expect(unmarked.length).toBeGreaterThan(0)

      // Had the relay stayed down past the stream's two-minute duplicate window, its copies would come
      // with the same content but the stream would keep them: send such copies too, for the inboxes to drop.
      const kept = await publishWithIds(stack.nats.url, unmarked.map(row => ({ subject: `${stack.prefix}.${row.subject}`, body: JSON.stringify(row.payload), msgID: randomUUID() })))
      expect(kept).toBe(unmarked.length)

      await stack.startWorker()
      const placed = await load.done
      const settlement = await expectSettledCorrectly(stack.database.url, shop, placed)

      // Published again under the same ids, and the stream kept one copy of each.
      const twice = [...new Set([...orphans, ...inFlight])]
      const ids = await messageIdsInStream(stack.nats.url, stream)
      const copies = twice.map(id => ids.filter(each => each === id).length)
      expect(copies).toEqual(twice.map(() => 1))
      expect((await hold.rows(twice)).every(row => row.publishedAt !== null)).toBe(true)
      // The late copies were recognised as handled, not mistaken for poison.
      expect(await hold.deadLetters()).toBe(0)
      report('writer, then relay, killed between publish and mark', settlement, { 'rows published twice': inFlight.length, 'late copies sent': unmarked.length, total: `${((Date.now() - started) / 1000).toFixed(1)} s` })
    }
    finally {
      await hold.end()
    }
  })
})
