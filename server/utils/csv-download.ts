import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify, type Stringifier } from 'csv-stringify'
import { sendStream, setResponseHeaders, type H3Event } from 'h3'
import { defuseFormula } from '../../shared/csv'
import { webLog } from './web-log'

/**
 * Answers with `records` as a CSV download, streamed as they are read: a header row of `columns`,
 * then one row per record. A byte-order mark lets spreadsheets read UTF-8 names; a text cell that
 * starts like a formula (=, +, -, @, …) is prefixed with a quote by the rule the admin's client-side
 * exports use too (shared/csv.ts), since names and descriptions are typed by users.
 *
 * The first record is read before anything is sent, so a database that is away still answers 503
 * through the error mapper. A failure later on can only cut the download short: it is logged.
 */
export async function sendCsv(event: H3Event, filename: string, columns: readonly string[], records: AsyncIterable<Record<string, unknown>>) {
  const response = event.node.res
  // A client that goes away must not leave the cursor (and its connection) open behind a full
  // buffer: the stream is torn down, which ends the cursor. That is no failure of the server.
  let clientGone = false
  let csv: Stringifier | undefined
  response.once('close', () => {
    if (response.writableFinished) return
    clientGone = true
    csv?.destroy(new Error('the client closed the connection'))
  })
  const iterator = records[Symbol.asyncIterator]()
  // May wait for a connection of the export pool, and the client may have left meanwhile.
  const first = await iterator.next()
  if (clientGone) {
    await iterator.return?.()
    webLog.info({ filename }, 'CSV export not started: the client went away')
    return
  }
  setResponseHeaders(event, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  })
  csv = stringify({ header: true, columns: [...columns], bom: true, cast: { string: defuseFormula } })
  // The first record, then the rest of the same iterator. yield* also hands a close on to it: a
  // download torn down ends the cursor.
  async function* all() {
    if (first.done) return
    yield first.value
    yield* { [Symbol.asyncIterator]: () => iterator }
  }
  pipeline(Readable.from(all()), csv).catch((error: unknown) => clientGone
    ? webLog.info({ filename }, 'CSV export stopped: the client went away')
    : webLog.error({ err: error, filename }, 'CSV export cut short'))
  return sendStream(event, csv).catch((error: unknown) => {
    if (!clientGone) throw error
  })
}

/** `plaza-<what>-<YYYY-MM-DD>.csv`, the day in UTC. */
export const csvFilename = (what: string, now = new Date()) => `plaza-${what}-${now.toISOString().slice(0, 10)}.csv`
