import { db } from './db'
import { nats } from './nats'

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

/** Whether Postgres and NATS answer within a second and a half each, asked side by side. */
export async function reachability(): Promise<{ db: 'up' | 'down', nats: 'up' | 'down' }> {
  const [database, broker] = await Promise.all([
    probe(() => db()`select 1`),
    probe(async () => (await nats()).flush()),
  ])
  return { db: database, nats: broker }
}
