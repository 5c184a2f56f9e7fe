import { createHash } from 'node:crypto'
import { setResponseHeader, type H3Event } from 'h3'
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { config } from '../platform/config'
import { DomainError } from '../platform/errors'
import { clientAddress } from './client'
import { webLog } from './web-log'

/**
 * Rate limits shared by every web process: rate-limiter-flexible's Postgres store counts in
 * platform.rate_limits (migrations/011_rate_limits.sql), one atomic upsert per attempt, so N replicas
 * allow the configured rate, not N times it. The store speaks to Postgres through `pg`, its supported
 * driver, on a small pool of its own that never takes the connections of the app's queries.
 */
const MINUTE = 60
const HOUR = 3600

type LimiterName = 'signInAddress' | 'signInAccount' | 'registration' | 'resetAddress' | 'resetAccount' | 'orders'

let limiters: Record<LimiterName, RateLimiterPostgres> | undefined

function limitersNow() {
  if (limiters) return limiters
  const settings = config()
  // Counters a crash may lose without harm: their commits do not wait for the WAL flush, which at
  // low load cost each order request a flush of its own (docs/benchmarks.md, 2026-12-03 14:00).
  const pool = new pg.Pool({ connectionString: settings.DATABASE_URL, max: 5, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, allowExitOnIdle: true, application_name: 'plaza-rate-limits', options: '-c synchronous_commit=off' })
  // An idle connection the server drops emits here; unheard, it would end the process.
  pool.on('error', error => webLog.warn({ err: error }, 'rate-limit connection lost'))
  const limiter = (keyPrefix: string, points: number, duration: number) => new RateLimiterPostgres({
    storeClient: pool, storeType: 'pool', schemaName: 'platform', tableName: 'rate_limits', tableCreated: true, keyPrefix, points, duration,
  })
  limiters = {
    signInAddress: limiter('sign-in-address', settings.PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE, MINUTE),
    signInAccount: limiter('sign-in-account', settings.PLAZA_SIGNIN_ATTEMPTS_PER_ACCOUNT_PER_HOUR, HOUR),
    registration: limiter('registration', settings.PLAZA_REGISTRATIONS_PER_HOUR, HOUR),
    resetAddress: limiter('password-reset-address', settings.PLAZA_PASSWORD_RESETS_PER_HOUR, HOUR),
    resetAccount: limiter('password-reset-account', settings.PLAZA_PASSWORD_RESETS_PER_HOUR, HOUR),
    orders: limiter('orders', settings.PLAZA_ORDERS_PER_MINUTE, MINUTE),
  }
  return limiters
}

/** Accounts are named by what the caller knows (a phone number): kept as a digest, not in clear, in the counters' table. */
const accountKey = (account: string) => createHash('sha256').update(account).digest('base64url')

async function consume(event: H3Event, name: LimiterName, key: string, what: string) {
  try {
    await limitersNow()[name].consume(key)
  }
  catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      setResponseHeader(event, 'retry-after', seconds)
      throw new DomainError('RATE_LIMITED', `Too many ${what}; try again in ${seconds} s`)
    }
    // The store runs one fixed upsert: it fails only when Postgres is away or cut the connection (pg's
    // messages for that carry no code: "Connection terminated unexpectedly", a connect timeout). 503.
    webLog.warn({ err: rejection, limit: name }, 'rate limit not counted: the database is not reachable')
    throw new DomainError('UNAVAILABLE', 'The database is not reachable right now; try again shortly')
  }
}

/** Sign-in attempts, per client address and, when the caller names one, per account (an opaque key such as the normalized phone). */
export async function limitSignIn(event: H3Event, account?: string) {
  await consume(event, 'signInAddress', clientAddress(event), 'sign-in attempts')
  if (account !== undefined) await consume(event, 'signInAccount', accountKey(account), 'sign-in attempts for this account')
}

/** Registrations, per client address. */
export function limitRegistration(event: H3Event) {
  return consume(event, 'registration', clientAddress(event), 'registrations from this address')
}

/** Password resets, per client address and per account. */
export async function limitPasswordReset(event: H3Event, account: string) {
  await consume(event, 'resetAddress', clientAddress(event), 'password resets from this address')
  await consume(event, 'resetAccount', accountKey(account), 'password resets for this account')
}

/** Orders placed, per customer. */
export function limitOrders(event: H3Event, customerId: string) {
  return consume(event, 'orders', customerId, 'orders')
}
