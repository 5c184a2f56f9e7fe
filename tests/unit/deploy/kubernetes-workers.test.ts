import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../server/platform/config'
import { pipelineNames, type ConsumerName } from '../../../server/platform/jetstream'
import { readManifests, type Manifest } from '../../support/deploy/kustomize'
import { kubernetesDir, ofKind, renderedExample, WORKER_ROLES } from '../../support/deploy/plaza'

const { workloads } = renderedExample()
const settings = parseConfig(ofKind(workloads, 'ConfigMap')[0]!.data)
const names = pipelineNames(settings.PLAZA_NATS_PREFIX)
const scaledObjects = ofKind(workloads, 'ScaledObject')
const natsValues = readManifests(join(kubernetesDir, 'nats-values.yaml'))[0]!

const roleOf = (deployment: Manifest) => deployment.spec.template.spec.containers[0].env
  .find((variable: Manifest) => variable.name === 'PLAZA_WORKER_ROLES')?.value as string | undefined
const workers = ofKind(workloads, 'Deployment').filter(deployment => roleOf(deployment) !== undefined)
const workerFor = (role: string) => workers.find(deployment => roleOf(deployment) === role)!
const CONSUMERS: ConsumerName[] = ['payments', 'catalog', 'ordering']

describe('the workers', () => {
  it('are one Deployment per role, each running that one role', () => {
    expect(workers.map(roleOf).sort()).toEqual([...WORKER_ROLES].sort())
    for (const worker of workers) expect(worker.metadata.name).toBe(`plaza-worker-${roleOf(worker)}`)
  })

  it('scale the three consumers on their JetStream consumer\'s lag, with the names jetstream.ts derives', () => {
    for (const consumer of CONSUMERS) {
      const scalers = scaledObjects.filter(scaled => scaled.spec.scaleTargetRef.name === workerFor(consumer).metadata.name)
      expect(scalers, consumer).toHaveLength(1)
      const [trigger] = scalers[0]!.spec.triggers
      expect(trigger.type).toBe('nats-jetstream')
      expect(trigger.metadata).toMatchObject({ stream: names.stream, consumer: names.durable(consumer), account: '$G' })
      expect(Number(trigger.metadata.lagThreshold)).toBeGreaterThan(0)
      // KEDA owns the count; a fixed one would be fought over on every apply.
      expect(workerFor(consumer).spec.replicas, consumer).toBeUndefined()
    }
    expect(scaledObjects).toHaveLength(CONSUMERS.length)
  })

  it('run the relay and the deadline sweeper at a fixed count, with a standby', () => {
    for (const role of ['relay', 'deadlines']) expect(workerFor(role).spec.replicas, role).toBeGreaterThanOrEqual(2)
  })

  it('serve Prometheus on PLAZA_WORKER_METRICS_PORT, as their scrape annotation says', () => {
    for (const worker of workers) {
      const [container] = worker.spec.template.spec.containers
      expect(container.ports).toEqual([{ name: 'metrics', containerPort: settings.PLAZA_WORKER_METRICS_PORT }])
      expect(worker.spec.template.metadata.annotations['prometheus.io/port']).toBe(String(settings.PLAZA_WORKER_METRICS_PORT))
    }
  })
})

describe('NATS from the official chart', () => {
  it('runs JetStream on files on three nodes, enough for PLAZA_STREAM_REPLICAS', () => {
    const { cluster, jetstream } = natsValues.config
    expect(cluster).toMatchObject({ enabled: true, replicas: 3 })
    expect(jetstream).toMatchObject({ enabled: true, fileStore: { enabled: true, pvc: { enabled: true } } })
    expect(settings.PLAZA_STREAM_REPLICAS).toBeLessThanOrEqual(cluster.replicas)
  })

  it('is where NATS_URL and KEDA look: the release `nats` in namespace `nats`, monitoring on its port', () => {
    expect(settings.NATS_URL).toBe('nats://nats.nats.svc.cluster.local:4222')
    expect(natsValues.config.monitor.enabled).toBe(true)
    for (const scaled of scaledObjects) {
      expect(scaled.spec.triggers[0].metadata.natsServerMonitoringEndpoint).toBe(`nats-headless.nats.svc.cluster.local:${natsValues.config.monitor.port}`)
    }
  })
})
