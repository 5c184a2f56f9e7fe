import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseConfig } from '../../../server/platform/config'
import { createMetricsRegistry } from '../../../server/platform/metrics/registry'
import { readRepoFile, root, unknownEnvNames } from '../../support/deploy/plaza'

const compose = parse(readRepoFile('docker-compose.yml'), { merge: true })
const prometheus = parse(readRepoFile('deploy/prometheus/prometheus.yml'))
const dashboard = JSON.parse(readRepoFile('deploy/grafana/plaza-dashboard.json'))
const defaults = parseConfig({})

/** `${NAME:-default}` as compose reads it with NAME unset. */
const interpolate = (value: unknown) => String(value).replace(/\$\{\w+(?::-([^}]*))?\}/g, (_, fallback: string | undefined) => fallback ?? '')
const plazaServices = Object.entries<any>(compose.services).filter(([, service]) => service.image === 'plaza:latest')
const observability = Object.entries<any>(compose.services).filter(([, service]) => service.profiles?.includes('observability'))
const mounts = (service: any) => (service.volumes as string[]).map(volume => volume.split(':')) as [string, string][]

/** Metric names the code defines: quoted `plaza_*` names in the two files that register them… */
const METRIC_FILES = ['workers/runtime/metrics.ts', 'server/utils/web-metrics.ts']
const defined = METRIC_FILES.flatMap(file => [...readRepoFile(file).matchAll(/'(plaza_[a-z0-9_]+)'/g)].map(match => match[1]!))
const histograms = METRIC_FILES.flatMap(file => [...readRepoFile(file).matchAll(/new Histogram\(\{\s*name: '(plaza_[a-z0-9_]+)'/g)].map(match => match[1]!))
/** …and prom-client's process metrics, which every Plaza registry has (`type` is a string at run time, whatever its typings say). */
const processMetrics = await createMetricsRegistry().getMetricsAsJSON()
const exported = new Set([...defined, ...processMetrics.map(metric => metric.name)])
for (const histogram of [...histograms, ...processMetrics.filter(metric => String(metric.type) === 'histogram').map(metric => metric.name)]) {
  for (const series of ['bucket', 'sum', 'count']) exported.add(`${histogram}_${series}`)
}

/** Metric names a PromQL expression reads that no Plaza process exports. */
const unexported = (expr: string) => [...expr.matchAll(/\b(?:plaza|process|nodejs)_[a-z0-9_]+\b/g)].map(match => match[0]).filter(name => !exported.has(name))

const targets = (dashboard.panels as any[]).flatMap(panel => (panel.targets ?? []).map((target: any) => ({ panel: panel.title as string, ...target })))

describe('docker-compose.yml', () => {
  it('gives the Plaza services only variables Plaza reads, with values its config accepts', () => {
    expect(plazaServices.map(([name]) => name)).toEqual(expect.arrayContaining(['migrate', 'web', 'worker', 'web-cluster']))
    for (const [name, service] of plazaServices) {
      expect(unknownEnvNames(Object.keys(service.environment)), name).toEqual([])
      const env = Object.fromEntries(Object.entries(service.environment).map(([key, value]) => [key, interpolate(value)]))
      expect(() => parseConfig(env), name).not.toThrow()
    }
  })

  it('runs Prometheus, Grafana and Jaeger in the observability profile only, from files in the repository', () => {
    expect(observability.map(([name]) => name).sort()).toEqual(['grafana', 'jaeger', 'prometheus'])
    for (const [name, service] of observability) {
      for (const [source] of service.volumes ? mounts(service) : []) expect(existsSync(join(root, source)), `${name} ${source}`).toBe(true)
    }
    expect(compose.services.jaeger.expose).toContain('4318')
  })
})

describe('Prometheus of the observability profile', () => {
  const job = (name: string) => prometheus.scrape_configs.find((config: any) => config.job_name === name)

  it('scrapes the web on its port and the workers on PLAZA_WORKER_METRICS_PORT, by compose service', () => {
    expect(job('plaza-web').dns_sd_configs[0]).toMatchObject({ names: ['web'], port: defaults.PORT })
    // Every compose service that runs the worker: the default one and the modules profile's one per role.
    const workerServices = Object.entries(compose.services as Record<string, { command?: string[] }>)
      .filter(([, service]) => service.command?.join(' ').includes('.output/worker/main.mjs')).map(([name]) => name).filter(name => !name.endsWith('-cluster'))
    expect(job('plaza-worker').dns_sd_configs[0]).toMatchObject({ port: defaults.PLAZA_WORKER_METRICS_PORT })
    expect([...job('plaza-worker').dns_sd_configs[0].names].sort()).toEqual(workerServices.sort())
    expect(compose.services.web.ports[0]).toMatch(new RegExp(`:${defaults.PORT}"?$`))
  })

  it('sends the token the container writes at start', () => {
    const written = /> (\S+) &&/.exec(compose.services.prometheus.entrypoint.at(-1))![1]
    for (const name of ['plaza-web', 'plaza-worker']) expect(job(name).authorization.credentials_file).toBe(written)
    expect(mounts(compose.services.prometheus)[0]).toEqual(['./deploy/prometheus/prometheus.yml', '/etc/prometheus/prometheus.yml', 'ro'])
  })
})

describe('the Grafana dashboard', () => {
  it('is provisioned from where compose mounts it, on the Prometheus it is given', () => {
    const provider = parse(readRepoFile('deploy/grafana/provisioning/dashboards/plaza.yml')).providers[0]
    const [, target] = mounts(compose.services.grafana).find(([source]) => source.endsWith('plaza-dashboard.json'))!
    expect(target).toBe(`${provider.options.path}/plaza-dashboard.json`)
    const sources = parse(readRepoFile('deploy/grafana/provisioning/datasources/plaza.yml')).datasources
    expect(sources.find((source: any) => source.type === 'prometheus').url).toBe('http://prometheus:9090')
  })

  it('covers orders, latency, consumer lag and redeliveries, outbox lag, dead letters and batch duration', () => {
    const exprs = targets.map(target => target.expr).join('\n')
    for (const metric of ['plaza_orders', 'plaza_http_request_duration_seconds_bucket', 'plaza_consumer_pending_messages', 'plaza_consumer_redelivered_messages', 'plaza_outbox_unpublished_messages', 'plaza_dead_letters', 'plaza_consumer_batch_duration_seconds_bucket']) {
      expect(exprs).toContain(metric)
    }
  })

  it('queries only metrics the code exports, through the datasource variable', () => {
    for (const target of targets) {
      expect(unexported(target.expr), target.panel).toEqual([])
      expect(target.datasource.uid, target.panel).toBe('${datasource}')
    }
  })

  it('would catch a metric the code does not export', () => {
    expect(unexported('sum(rate(plaza_orders_placed_total[5m])) + process_resident_memory_bytes')).toEqual(['plaza_orders_placed_total'])
  })

  it('leaves out the live order stream by its route pattern, and selects the scrape jobs by name', () => {
    expect(existsSync(join(root, 'server/api/orders/[id]/live.get.ts'))).toBe(true)
    expect(targets.some(target => target.expr.includes('route!="/api/orders/:id/live"'))).toBe(true)
    const jobs = prometheus.scrape_configs.map((config: any) => config.job_name as string)
    for (const target of targets.filter(target => target.expr.includes('job=~'))) {
      const pattern = new RegExp(`^${/job=~"([^"]+)"/.exec(target.expr)![1]}$`)
      expect(jobs.every((name: string) => pattern.test(name)), target.panel).toBe(true)
    }
  })
})
