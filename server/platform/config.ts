import { isIP } from 'node:net'
import { z } from 'zod'

/** What a worker process can run; PLAZA_WORKER_ROLES picks some, all by default. */
export const WORKER_ROLES = ['relay', 'payments', 'catalog', 'ordering', 'deadlines'] as const
export type WorkerRole = (typeof WORKER_ROLES)[number]

const workerRoles = z.string()
  .transform(value => value.split(',').map(role => role.trim()).filter(Boolean))
  .pipe(z.array(z.enum(WORKER_ROLES, { message: `each must be one of ${WORKER_ROLES.join(', ')}` })).min(1, 'must name at least one role'))
  .transform(roles => [...new Set(roles)])
  .default([...WORKER_ROLES])

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(3_600_000).default(fallback)
const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback)
const NATS_SERVER_URL = /^(nats|tls|wss?):\/\/[^\s,]+$/
const perWindow = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback)

/** One entry of PLAZA_TRUSTED_PROXIES: an address, or a network in CIDR notation. */
export interface ProxyRange {
  network: string
  prefix: number
  family: 'ipv4' | 'ipv6'
}

/** `10.0.0.7`, `10.0.0.0/8`, `::1` or `fd00::/8` as a range; undefined when it is none of these. */
export function parseProxyRange(entry: string): ProxyRange | undefined {
  const [network = '', prefix, extra] = entry.split('/')
  const version = isIP(network)
  if (version === 0 || extra !== undefined) return undefined
  const bits = version === 4 ? 32 : 128
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return undefined
  const length = prefix === undefined ? bits : Number(prefix)
  if (length > bits) return undefined
  return { network, prefix: length, family: version === 4 ? 'ipv4' : 'ipv6' }
}

const trustedProxies = z.string().default('').transform((value, context) => {
  const entries = value.split(',').map(entry => entry.trim()).filter(Boolean)
  const bad = entries.filter(entry => !parseProxyRange(entry))
  if (bad.length > 0) {
    context.addIssue({ code: 'custom', message: `must be addresses or CIDRs separated by commas (not ${bad.join(', ')})` })
    return z.NEVER
  }
  return entries.map(entry => parseProxyRange(entry)!)
})

export const configSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/plaza'),
  // One server, or several separated by commas (the nodes of a cluster): the client tries them all.
  NATS_URL: z.string().refine(value => natsServers(value).length > 0 && natsServers(value).every(url => NATS_SERVER_URL.test(url)), 'must look like nats://host:port, or several such URLs separated by commas').default('nats://127.0.0.1:4222'),
  PLAZA_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  NUXT_SESSION_PASSWORD: z.string().min(32, 'must be at least 32 characters').optional(),
  PAYMENT_CONFIRM_DELAY_MS: milliseconds(5_000),
  STORE_CONFIRM_DELAY_MS: milliseconds(15_000),
  ORDER_CONFIRM_DEADLINE_MS: milliseconds(60_000),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  PLAZA_NATS_PREFIX: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'lowercase letters, digits and _, starting with a letter').default('plaza'),
  // Only a request whose socket peer is one of these may name the client through X-Forwarded-* (server/utils/client.ts).
  PLAZA_TRUSTED_PROXIES: trustedProxies,
  // Rate limits, shared by every web process through Postgres (server/utils/rate-limits.ts).
  PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: perWindow(10),
  PLAZA_SIGNIN_ATTEMPTS_PER_ACCOUNT_PER_HOUR: perWindow(30),
  PLAZA_REGISTRATIONS_PER_HOUR: perWindow(20),
  PLAZA_PASSWORD_RESETS_PER_HOUR: perWindow(5),
  PLAZA_ORDERS_PER_MINUTE: perWindow(60),
  PLAZA_LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(10_000).default(10),
  // How long an Idempotency-Key of POST /api/orders replays its order; after that the key is free again.
  PLAZA_IDEMPOTENCY_KEY_TTL_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(86_400),
  // Sessions end after this long without a request (idle), and this long after sign-in whatever happens (absolute).
  PLAZA_SESSION_IDLE_SECONDS: seconds(86_400, 30 * 86_400),
  PLAZA_SESSION_MAX_SECONDS: seconds(7 * 86_400, 90 * 86_400),
  // How long a one-time code (a first password, a reset) stays good.
  PLAZA_ONE_TIME_CODE_TTL_SECONDS: seconds(600, 3_600),
  // scrypt's cost is 2^N (N = 17: OWASP's choice, about 128 MB and a tenth of a second or more per
  // hash). Only test runs lower it, so that registering hundreds of customers stays quick.
  PLAZA_PASSWORD_SCRYPT_LOG2N: z.coerce.number().int().min(10).max(20).default(17),
  // Prometheus: the worker serves /metrics on its own port (0: not at all); the token guards both processes' /metrics.
  PLAZA_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  PLAZA_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // JetStream allows 1 to 5 replicas, and no more than the cluster has nodes (the server refuses the stream otherwise).
  PLAZA_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  // Messages a consumer handles in one transaction at most (each consumer runs two such batches at once).
  PLAZA_WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(250),
  // Recorded beside each message a worker handles, so a share of the work can be traced to a process.
  PLAZA_WORKER_ID: z.string().regex(/^[\w.:-]{1,100}$/, 'letters, digits and . : _ - (at most 100)').optional(),
  // What this worker runs, so each module can be deployed and scaled on its own: e.g. "relay" or "payments,catalog".
  PLAZA_WORKER_ROLES: workerRoles,
  // The migrate step (npm start, docker compose's migrate service) fills an empty catalog with a demo mall; off starts empty.
  PLAZA_DEMO_MALL: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  // Anonymous catalog pages are rendered once and kept in memory until the catalog changes (server/utils/page-cache.ts); off renders every request (the bench measures both).
  PLAZA_PAGE_CACHE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
})

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {}

/** Parses the environment; an empty variable counts as unset so `FOO=` in a .env falls back to the default. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = configSchema.safeParse(present)
  if (result.success) return result.data
  const problems = result.error.issues.map(issue => `${issue.path.join('.')} ${issue.message}`)
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
}

/** NATS_URL as the list of servers the client connects to (nats.js takes one string as one server). */
export function natsServers(natsUrl: string): string[] {
  return natsUrl.split(',').map(url => url.trim()).filter(Boolean)
}

let loaded: Config | undefined

/** The process's configuration, parsed once. */
export function config(): Config {
  loaded ??= parseConfig(process.env)
  return loaded
}

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  }
  catch {
    return '(unparseable URL)'
  }
}
