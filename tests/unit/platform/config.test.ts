import { describe, expect, it } from 'vitest'
import { ConfigError, natsServers, parseConfig, redactUrl } from '../../../server/platform/config'

describe('parseConfig', () => {
  it('falls back to the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/plaza',
      NATS_URL: 'nats://127.0.0.1:4222',
      PAYMENT_CONFIRM_DELAY_MS: 5000,
      STORE_CONFIRM_DELAY_MS: 15000,
      ORDER_CONFIRM_DEADLINE_MS: 60000,
      PORT: 3000,
      PLAZA_NATS_PREFIX: 'plaza',
      PLAZA_TRUSTED_PROXIES: [],
      PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: 10,
      PLAZA_SIGNIN_ATTEMPTS_PER_ACCOUNT_PER_HOUR: 30,
      PLAZA_REGISTRATIONS_PER_HOUR: 20,
      PLAZA_PASSWORD_RESETS_PER_HOUR: 5,
      PLAZA_ORDERS_PER_MINUTE: 60,
      PLAZA_PAGE_CACHE: 'on',
      PLAZA_LIVE_STREAMS_PER_SESSION: 10,
      PLAZA_IDEMPOTENCY_KEY_TTL_SECONDS: 86_400,
      PLAZA_SESSION_IDLE_SECONDS: 86_400,
      PLAZA_SESSION_MAX_SECONDS: 604_800,
      PLAZA_ONE_TIME_CODE_TTL_SECONDS: 600,
      PLAZA_PASSWORD_SCRYPT_LOG2N: 17,
      PLAZA_WORKER_METRICS_PORT: 9464,
      PLAZA_STREAM_REPLICAS: 1,
      PLAZA_WORKER_BATCH_SIZE: 250,
      PLAZA_WORKER_ROLES: ['relay', 'payments', 'catalog', 'ordering', 'deadlines'],
      PLAZA_DEMO_MALL: 'on',
    })
  })

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '', PLAZA_ADMIN_PASSWORD: '' }).PORT).toBe(3000)
  })

  it('coerces numbers from the environment', () => {
    expect(parseConfig({ STORE_CONFIRM_DELAY_MS: '250', PORT: '8080' })).toMatchObject({ STORE_CONFIRM_DELAY_MS: 250, PORT: 8080 })
  })

  it('names every bad variable in one line', () => {
    const parse = () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PLAZA_NATS_PREFIX: 'Bad Prefix', NUXT_SESSION_PASSWORD: 'short' })
    expect(parse).toThrow(ConfigError)
    expect(parse).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/)
    try {
      parse()
    }
    catch (error) {
      const message = (error as Error).message
      expect(message.split('\n')).toHaveLength(1)
      for (const name of ['PORT', 'DATABASE_URL', 'PLAZA_NATS_PREFIX', 'NUXT_SESSION_PASSWORD']) expect(message).toContain(name)
    }
  })

  it('turns the worker metrics port off with 0 and refuses a short metrics token', () => {
    expect(parseConfig({ PLAZA_WORKER_METRICS_PORT: '0' }).PLAZA_WORKER_METRICS_PORT).toBe(0)
    expect(() => parseConfig({ PLAZA_WORKER_METRICS_PORT: '70000' })).toThrow(/PLAZA_WORKER_METRICS_PORT/)
    expect(() => parseConfig({ PLAZA_METRICS_TOKEN: 'short' })).toThrow(/PLAZA_METRICS_TOKEN/)
  })

  it('turns the demo mall off with off, and takes nothing but on or off', () => {
    expect(parseConfig({ PLAZA_DEMO_MALL: 'off' }).PLAZA_DEMO_MALL).toBe('off')
    expect(() => parseConfig({ PLAZA_DEMO_MALL: 'no' })).toThrow('PLAZA_DEMO_MALL must be on or off')
  })

  it('refuses a negative delay', () => {
    expect(() => parseConfig({ PAYMENT_CONFIRM_DELAY_MS: '-1' })).toThrow(/PAYMENT_CONFIRM_DELAY_MS/)
  })
})

describe('trusted proxies', () => {
  it('takes addresses and CIDRs, IPv4 and IPv6, separated by commas', () => {
    expect(parseConfig({ PLAZA_TRUSTED_PROXIES: '10.0.0.7, 172.16.0.0/12,::1 , fd00::/8' }).PLAZA_TRUSTED_PROXIES).toEqual([
      { network: '10.0.0.7', prefix: 32, family: 'ipv4' },
      { network: '172.16.0.0', prefix: 12, family: 'ipv4' },
      { network: '::1', prefix: 128, family: 'ipv6' },
      { network: 'fd00::', prefix: 8, family: 'ipv6' },
    ])
  })

  it.each(['localhost', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '10.0.0.256', '10.0.0.0/-1', '10.0.0.0/', 'fd00::/x'])('stops at %j with one line naming the variable and the entry', (entry) => {
    const parse = () => parseConfig({ PLAZA_TRUSTED_PROXIES: `10.0.0.1,${entry}` })
    expect(parse).toThrow(ConfigError)
    expect(parse).toThrow(`PLAZA_TRUSTED_PROXIES must be addresses or CIDRs separated by commas (not ${entry})`)
  })
})

describe('cluster settings', () => {
  it('accepts several NATS servers separated by commas, and hands them to the client as a list', () => {
    const { NATS_URL } = parseConfig({ NATS_URL: 'nats://nats-1:4222, nats://nats-2:4222,nats://nats-3:4222' })
    expect(natsServers(NATS_URL)).toEqual(['nats://nats-1:4222', 'nats://nats-2:4222', 'nats://nats-3:4222'])
    expect(natsServers('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222'])
  })

  it('refuses a list with one bad URL in it, or none at all', () => {
    expect(() => parseConfig({ NATS_URL: 'nats://nats-1:4222,http://nats-2:4222' })).toThrow(/NATS_URL/)
    expect(() => parseConfig({ NATS_URL: ' , ' })).toThrow(/NATS_URL/)
  })

  it('takes 1 to 5 stream replicas', () => {
    expect(parseConfig({ PLAZA_STREAM_REPLICAS: '3' }).PLAZA_STREAM_REPLICAS).toBe(3)
    for (const bad of ['0', '6', '2.5', 'three']) expect(() => parseConfig({ PLAZA_STREAM_REPLICAS: bad })).toThrow(/PLAZA_STREAM_REPLICAS/)
  })

  it('takes a worker batch size of 1 to 1,000 messages', () => {
    expect(parseConfig({ PLAZA_WORKER_BATCH_SIZE: '50' }).PLAZA_WORKER_BATCH_SIZE).toBe(50)
    for (const bad of ['0', '1001', '2.5', 'many']) expect(() => parseConfig({ PLAZA_WORKER_BATCH_SIZE: bad })).toThrow(/PLAZA_WORKER_BATCH_SIZE/)
  })

  it('takes a worker id made of name characters', () => {
    expect(parseConfig({ PLAZA_WORKER_ID: 'worker-2.eu:7' }).PLAZA_WORKER_ID).toBe('worker-2.eu:7')
    expect(() => parseConfig({ PLAZA_WORKER_ID: 'has spaces' })).toThrow(/PLAZA_WORKER_ID/)
  })
})

describe('worker roles', () => {
  it('runs every role unless told otherwise', () => {
    expect(parseConfig({}).PLAZA_WORKER_ROLES).toEqual(['relay', 'payments', 'catalog', 'ordering', 'deadlines'])
  })

  it('takes a comma-separated subset, spaces and repeats forgiven', () => {
    expect(parseConfig({ PLAZA_WORKER_ROLES: ' payments, catalog,payments ' }).PLAZA_WORKER_ROLES).toEqual(['payments', 'catalog'])
  })

  it('refuses an unknown role or none at all, naming the variable', () => {
    expect(() => parseConfig({ PLAZA_WORKER_ROLES: 'relay,shipping' })).toThrow(/PLAZA_WORKER_ROLES.*one of relay, payments, catalog, ordering, deadlines/)
    expect(() => parseConfig({ PLAZA_WORKER_ROLES: ' , ' })).toThrow(/PLAZA_WORKER_ROLES must name at least one role/)
  })
})

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://plaza:hunter2@db:5432/plaza')).toBe('postgres://plaza:***@db:5432/plaza')
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/plaza')).toBe('postgres://postgres@127.0.0.1:5432/plaza')
  })
})
