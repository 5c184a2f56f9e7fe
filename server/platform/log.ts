import pino from 'pino'

/** JSON lines (pino): one object per line, searchable by orderId, messageId, consumer or route. */
export type Logger = pino.Logger

/**
 * Keys that never reach a log line, at the top level or one object down: passwords, session cookies,
 * bearer tokens, and the customers' phone numbers (their sign-in credential). Pino's `redact`
 * replaces the value, so a careless `log.info({ body })` cannot leak one.
 */
const SECRET_KEYS = ['password', 'sessionPassword', 'phone', 'token', 'cookie', 'authorization']
const REDACT_PATHS = SECRET_KEYS.flatMap(key => [key, `*.${key}`])

/**
 * The one logger factory of the web and the worker processes. Lines carry `level` as a word, an ISO
 * `time`, `name` (plaza-web, plaza-worker), `pid` and `hostname`, then the fields of the call.
 */
export function createLogger(component: string): Logger {
  return pino({
    name: `plaza-${component}`,
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { level: label => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  })
}
