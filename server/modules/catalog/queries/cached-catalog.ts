import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { db } from '../../../platform/db'
import { CATALOG_CHANGED_CHANNEL } from '../changes'
import type { CatalogPageQuery, CatalogQuery } from '../schemas'
import { catalogSort, listCatalogPage } from './catalog-page'
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
  max: 200,
  // Only a backstop: a notification lost while the listening connection reconnects is made good
  // by the re-listen (which also clears), and otherwise by this age.
  ttl: 10_000,
})

let listening: Promise<unknown> | undefined
let heard = false
const forgetters = new Set<() => void>()

/** Another in-memory copy of the catalog (the server-rendered pages) is dropped with the kept answers. */
export function onCatalogForgotten(forget: () => void): void {
  forgetters.add(forget)
}

/** True once this process hears catalog changes (and makes sure a LISTEN is being set up); never waits. */
export function catalogChangesHeard(): boolean {
  return listenForChanges()
}

/** The whole catalog for this query, from memory while no change was notified since it was read. */
export function cachedCatalog(query: CatalogQuery): Promise<CatalogSnapshot> {
  return remember(['all', query.participating ?? null, query.q?.trim() || null], () => listCatalog(db(), query))
}

/**
 * A page of the shopping catalog. Browsing (no search text, no ids) comes from memory: a few category,
 * store and sort choices cover most visits. Searches and id lists are as varied as what people type
 * and carry, so they go to the database and leave the kept pages where they are.
 */
export function cachedCatalogPage(query: CatalogPageQuery): Promise<CatalogSnapshot> {
  const read = () => listCatalogPage(db(), query)
  if (query.q !== undefined || query.ids !== undefined) return snapshot(read)
  return remember(['page', query.category ?? null, query.store ?? null, catalogSort(query), query.cursor ?? null, query.limit], read)
}

async function remember(key: unknown[], read: () => Promise<unknown>): Promise<CatalogSnapshot> {
  // Until the LISTEN is in place a change could go unheard, so nothing is kept before then. Nor does
  // a request wait for it: while the database is away, setting it up waits out a connect timeout.
  if (!listenForChanges()) return snapshot(read)
  const text = JSON.stringify(key)
  const kept = snapshots.get(text)
  if (kept) return kept
  const reading = snapshot(read)
  snapshots.set(text, reading)
  reading.catch(() => {
    if (snapshots.get(text) === reading) snapshots.delete(text)
  })
  return reading
}

async function snapshot(read: () => Promise<unknown>): Promise<CatalogSnapshot> {
  const body = Buffer.from(JSON.stringify(await read()))
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }
}

/** True once this process hears catalog changes; until then each call makes sure a LISTEN is being set up. */
function listenForChanges(): boolean {
  // postgres.js calls the third argument each time the LISTEN is (re)established: whatever changed
  // while it was down went unheard, so start afresh.
  listening ??= db().listen(CATALOG_CHANGED_CHANNEL, forgetCatalog, () => {
    forgetCatalog()
    heard = true
  }).catch(() => {
    listening = undefined
  })
  return heard
}

function forgetCatalog() {
  snapshots.clear()
  for (const forget of forgetters) forget()
}
