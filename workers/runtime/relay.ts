import type { JetStreamClient } from '@nats-io/jetstream'
import { connectionName, type Db } from '../../server/platform/db'
import { listenDurably } from '../../server/platform/listen'
import { lockUnpublished, markPublished, OUTBOX_CHANNEL } from '../../server/platform/outbox'
import { publishRow } from '../../server/platform/outbox-publisher'
import type { PipelineNames } from '../../server/platform/jetstream'
import type { Logger } from '../../server/platform/log'
import { publishedMessages } from './metrics'

const BATCH = 500
const POLL_MS = 1000
/**
 * How old an unpublished row must be before a poll publishes it. Writers publish their own rows right
 * after their commit (outboxPublisher) and mark them within a few tens of milliseconds; a row still
 * unpublished after this had a writer that died, or could not reach JetStream, before it was done.
 */
export const SWEEP_AFTER_MS = 2000
/**
 * The shortest time between the starts of two passes. Every pass costs a transaction and three
 * statements whatever it publishes: rows announced soon after a pass wait out the rest of this
 * interval to share the next one, while a row that finds the relay idle goes at once.
 */
const PASS_INTERVAL_MS = 5

/** How many published row ids the relay remembers, to tell a notification it has covered already (two generations of this size). */
const REMEMBERED_IDS = 5000

/**
 * The ids this relay published lately. A notification names a row of the committing transaction;
 * when the relay has published that row, it saw the whole transaction, so the notification asks
 * for nothing new. Without this, every commit announced during a pass cost an empty pass after it.
 */
function publishedIds() {
  let current = new Set<string>()
  let previous = new Set<string>()
  return {
    add(ids: string[]) {
      for (const id of ids) current.add(id)
      if (current.size < REMEMBERED_IDS) return
      previous = current
      current = new Set()
    },
    has: (id: string) => current.has(id) || previous.has(id),
  }
}

/**
 * The outbox's safety net. Writers publish their own rows once they commit (outboxPublisher); the
 * relay publishes what they left: rows older than SWEEP_AFTER_MS on a poll every POLL_MS, and at once
 * the rows of writers that publish nothing themselves, which wake it with NOTIFY. It publishes them
 * to JetStream with Nats-Msg-Id = row id, then marks them published. Rows are locked (skip locked)
 * while in flight, so relays on several workers share the work. If a writer or the relay dies between
 * publishing and marking, the rows are published again and the stream's duplicate window, then the
 * consumers' inbox, drop the copy.
 */
export function startRelay(db: Db, databaseUrl: string, js: JetStreamClient, names: PipelineNames, log: Logger, stopSignal: AbortSignal) {
  // A nudge that arrives while a batch is being published must not be lost: it is remembered in
  // `pending` and the loop runs again at once instead of sleeping until the next poll. A nudged pass
  // (and the first) publishes every unpublished row, a poll only those past SWEEP_AFTER_MS.
  let pending = true
  let wake: (() => void) | undefined
  const nudge = () => {
    pending = true
    wake?.()
  }
  const published = publishedIds()
  // Rows announced while a pass runs may be in that very pass: judged once it has committed.
  let heardDuringPass: string[] | undefined
  // Rows committed while the LISTEN was down were not announced: look at once when it is back.
  const listener = listenDurably(databaseUrl, OUTBOX_CHANNEL, connectionName(), {
    onNotify: (rowId) => {
      if (heardDuringPass) heardDuringPass.push(rowId)
      else if (!published.has(rowId)) nudge()
    },
    onResubscribed: nudge,
    onError: error => log.warn({ err: error }, 'outbox LISTEN lost; polling until it is back'),
  })

  const publishBatch = async (minAgeMs: number) => {
    const ids = await db.begin(async (tx) => {
      const rows = await lockUnpublished(tx, BATCH, minAgeMs)
      if (rows.length === 0) return []
      await Promise.all(rows.map(row => publishRow(js, names.subject(row.subject), row)))
      await markPublished(tx, rows.map(row => row.id))
      return rows.map(row => row.id)
    })
    if (ids.length > 0) {
      published.add(ids)
      publishedMessages.inc({ by: 'relay' }, ids.length)
      log.debug({ published: ids.length }, 'outbox rows published')
    }
    return ids.length
  }

  stopSignal.addEventListener('abort', nudge, { once: true })
  const done = (async () => {
    let lastPass = 0
    while (!stopSignal.aborted) {
      const wait = lastPass + PASS_INTERVAL_MS - Date.now()
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
      lastPass = Date.now()
      const minAgeMs = pending ? 0 : SWEEP_AFTER_MS
      pending = false
      heardDuringPass = []
      try {
        while ((await publishBatch(minAgeMs)) === BATCH && !stopSignal.aborted) { /* drain the backlog */ }
      }
      catch (error) {
        log.warn({ err: error }, 'relay failed, retrying')
      }
      if (heardDuringPass.some(rowId => !published.has(rowId))) pending = true
      heardDuringPass = undefined
      if (pending) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS)
        wake = () => {
          wake = undefined
          clearTimeout(timer)
          resolve()
        }
      })
    }
    await listener.stop()
  })()
  return { done, nudge }
}
