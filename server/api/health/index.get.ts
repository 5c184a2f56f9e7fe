import { setResponseStatus } from 'h3'
import { db } from '~~/server/platform/db'
import { nats } from '~~/server/platform/nats'

const TIMEOUT_MS = 1500

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS))
  try {
    await Promise.race([check(), timeout])
    return 'up'
  }
  catch {
    return 'down'
  }
}

/** Reachability of Postgres and NATS: 200 when both answer, 503 otherwise. */
export default defineApiHandler(async (event) => {
  const [database, broker] = await Promise.all([
    probe(() => db()`select 1`),
    probe(async () => (await nats()).flush()),
  ])
  const healthy = database === 'up' && broker === 'up'
  setResponseStatus(event, healthy ? 200 : 503)
  return { status: healthy ? 'ok' : 'degraded', db: database, nats: broker }
})
