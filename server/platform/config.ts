import { z } from 'zod'

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(3_600_000).default(fallback)

const configSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/plaza'),
  NATS_URL: z.string().regex(/^(nats|tls|wss?):\/\/\S+$/, 'must look like nats://host:port').default('nats://127.0.0.1:4222'),
  PLAZA_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  NUXT_SESSION_PASSWORD: z.string().min(32, 'must be at least 32 characters').optional(),
  PAYMENT_CONFIRM_DELAY_MS: milliseconds(5_000),
  STORE_CONFIRM_DELAY_MS: milliseconds(15_000),
  ORDER_CONFIRM_DEADLINE_MS: milliseconds(60_000),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  PLAZA_NATS_PREFIX: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'lowercase letters, digits and _, starting with a letter').default('plaza'),
  PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
  PLAZA_ORDERS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // Prometheus: the worker serves /metrics on its own port (0: not at all); the token guards both processes' /metrics.
  PLAZA_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  PLAZA_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
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
