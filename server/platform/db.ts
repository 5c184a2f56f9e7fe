import { SpanKind } from '@opentelemetry/api'
import postgres from 'postgres'
import { config, redactUrl } from './config'
import { inSpan, tracingOn } from './tracing'

/** The pool: runs queries and starts transactions. */
export type Db = postgres.Sql
/** A transaction, where savepoints are available. */
export type Tx = postgres.TransactionSql
/** Anything that runs queries: the pool or a transaction. Adapters take this. */
export type Sql = postgres.Sql | postgres.TransactionSql

function connect(url: string, applicationName: string, max = 10, settings: Record<string, string> = {}) {
  return wrapTransactions(postgres(url, {
    max,
    onnotice: () => {},
    // Queries wait for a connection's reconnect delay, and postgres.js's default grows to 20 s while
    // the database is away: a request would hang instead of answering 503. Retry at most a second apart.
    backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
    // A server that does not answer at all fails the query after a few seconds rather than 30.
    connect_timeout: 5,
    // Columns come back camelCased; SQL text keeps Postgres's snake_case names.
    transform: { column: { from: postgres.toCamel } },
    // int8 (count(*), sums) comes back as a number: every count here is far below 2^53.
    types: { int8: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) } },
    connection: { application_name: applicationName, ...settings },
  }))
}

const TRANSACTION_SPAN = { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.operation.name': 'TRANSACTION' } }

/** What each open transaction (begin) runs once it has committed, by its `sql`; see onCommit. */
const commitHooks = new WeakMap<Sql, (() => void)[]>()

/**
 * Every transaction (`begin`) runs its commit hooks once it has committed; while tracing is on, it is
 * a span, and its queries run in its context.
 */
function wrapTransactions(sql: postgres.Sql): postgres.Sql {
  const begin = sql.begin.bind(sql) as (...args: unknown[]) => Promise<unknown>
  const run = async (...args: unknown[]) => {
    const work = args.pop() as (tx: Tx) => unknown
    const hooks: (() => void)[] = []
    const result = await begin(...args, (tx: Tx) => {
      commitHooks.set(tx, hooks)
      return work(tx)
    })
    for (const hook of hooks) hook()
    return result
  }
  sql.begin = ((...args: unknown[]) => tracingOn() ? inSpan('db.transaction', TRANSACTION_SPAN, () => run(...args)) : run(...args)) as typeof sql.begin
  return sql
}

/**
 * How to run something once what `sql` writes has committed: at the end of its transaction, or, on
 * the pool, where each statement commits by itself, whenever the caller says (after the statement).
 * Undefined inside a savepoint, which the caller cannot tell from its transaction. A hook must not
 * throw: its transaction has committed, and its caller would take it for a failure.
 */
export function onCommit(sql: Sql): ((hook: () => void) => void) | undefined {
  if ('begin' in sql) return hook => hook()
  const hooks = commitHooks.get(sql)
  return hooks && (hook => hooks.push(hook))
}

let shared: postgres.Sql | undefined
let applicationName = 'plaza'

/**
 * Names this process's connections in pg_stat_activity (the worker is 'plaza-worker', so an operator,
 * or a fault test, can tell its sessions from the web's). Call before the first `db()`.
 */
export function nameConnections(name: string): void {
  applicationName = name
}

/** The name this process's connections carry in pg_stat_activity. */
export const connectionName = (): string => applicationName

/** The process's one connection pool, created on first use. */
export function db(): postgres.Sql {
  shared ??= connect(config().DATABASE_URL, applicationName)
  return shared
}

let exporting: postgres.Sql | undefined

/**
 * A pool of its own, of two connections, for the CSV exports' cursors. A download holds its
 * connection for as long as the client takes to read it; slow or many downloads must never take
 * the connections that place orders. A third export at once waits for one of the two.
 */
export function exportDb(): postgres.Sql {
  exporting ??= connect(config().DATABASE_URL, `${applicationName}-export`, 2)
  return exporting
}

let relaying: postgres.Sql | undefined

/**
 * The relay's pool, of one connection, set up for its two statements:
 * - Commits do not wait for the WAL to reach the disk: a crash may undo a mark without harm (the row
 *   is published again, and the stream and the inboxes drop the copy). A durable commit costs
 *   Postgres about 0.5 ms of CPU here, an asynchronous one a fifth of that.
 * - No bitmap scans: the partial index of unpublished rows keeps an entry for every row published
 *   since the last vacuum, and a bitmap scan visits their heap pages on every pass (2 to 5 ms with
 *   40,000 of them), where an index scan marks them dead once and then steps over them (0.2 ms).
 * Figures in docs/benchmarks.md, 2026-12-03 15:00.
 */
export function relayDb(): postgres.Sql {
  relaying ??= connect(config().DATABASE_URL, applicationName, 1, { synchronous_commit: 'off', enable_bitmapscan: 'off' })
  return relaying
}

export async function closeDb(): Promise<void> {
  await Promise.all([shared?.end({ timeout: 5 }), exporting?.end({ timeout: 5 }), relaying?.end({ timeout: 5 })])
  shared = exporting = relaying = undefined
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006',
])

/** True for errors that mean "the database is not reachable right now", as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)
}

export function unreachableMessage(url: string, error: unknown): string {
  const reason = (error as { code?: string, message?: string })?.code ?? (error as Error)?.message
  return `PostgreSQL is not reachable at ${redactUrl(url)} (${reason}). `
    + 'Start it with `docker compose up -d postgres`, or set DATABASE_URL to a running server.'
}

/** Waits until a query succeeds, printing what was tried and retrying with capped exponential backoff. */
export async function waitForDatabase(sql: postgres.Sql, url: string, log: (line: string) => void = console.error) {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`
      return
    }
    catch (error) {
      if (!isConnectionError(error)) throw error
      const delay = Math.min(500 * 2 ** (attempt - 1), 10_000)
      log(`${unreachableMessage(url, error)} Retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt}).`)
      await new Promise(resolve => setTimeout(resolve, delay))
    }
  }
}
