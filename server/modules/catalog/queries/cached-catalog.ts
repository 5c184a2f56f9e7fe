import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { db } from '../../../platform/db'
import { CATALOG_CHANGED_CHANNEL } from '../changes'
import type { CatalogQuery } from '../schemas'
import { listCatalog } from './products'

/** A catalog response as sent: the JSON, serialized and encoded once (every response writes the same bytes), and its entity tag. */
export interface CatalogSnapshot {
  body: Buffer
  etag: string
}

/**
 * The shopping catalog is read on every visit and changes rarely in comparison, so each web process
 * keeps its answers in memory, one per distinct query. A trigger notifies CATALOG_CHANGED_CHANNEL
 * from every transaction that writes stores or products, the worker's stock reservations included,
 * and every replica listens and drops everything it kept. An answer still being read when a change
 * arrives is given to the requests already waiting for it, never kept.
 */
const snapshots = new LRUCache<string, Promise<CatalogSnapshot>>({
  max: 100,
  // Only a backstop: a notification lost while the listening connection reconnects is made good
  // by the re-listen (which also clears), and otherwise by this age.
  ttl: 10_000,
})

let listening: Promise<boolean> | undefined

/** The catalog for this query, from memory while no change was notified since it was read. */
export async function cachedCatalog(query: CatalogQuery): Promise<CatalogSnapshot> {
  // Until the LISTEN is in place a change could go unheard, so nothing is kept before then.
  if (!(await listenForChanges())) return snapshot(query)
  const key = JSON.stringify([query.participating ?? null, query.q?.trim() || null])
  const kept = snapshots.get(key)
  if (kept) return kept
  const reading = snapshot(query)
  snapshots.set(key, reading)
  reading.catch(() => {
    if (snapshots.get(key) === reading) snapshots.delete(key)
  })
  return reading
}

async function snapshot(query: CatalogQuery): Promise<CatalogSnapshot> {
  const body = Buffer.from(JSON.stringify(await listCatalog(db(), query)))
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }
}

/** Resolves true once this process hears catalog changes; false (and tries again next time) if it cannot listen. */
function listenForChanges(): Promise<boolean> {
  // postgres.js calls the third argument each time the LISTEN is (re)established: whatever changed
  // while it was down went unheard, so start afresh.
  listening ??= db().listen(CATALOG_CHANGED_CHANNEL, forgetCatalog, forgetCatalog).then(() => true, () => {
    listening = undefined
    return false
  })
  return listening
}

function forgetCatalog() {
  snapshots.clear()
}
