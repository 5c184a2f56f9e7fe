import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../server/platform/config'
import { containersOf, readManifests, renderKustomization, type Manifest } from '../../support/deploy/kustomize'
import { kubernetesDir, ofKind, READ_ELSEWHERE, readRepoFile, renderedExample, root, unknownEnvNames } from '../../support/deploy/plaza'
import { schemaProblems } from '../../support/deploy/schemas'

const { workloads, migrations, secretTemplate, all } = renderedExample()
const [config] = ofKind(workloads, 'ConfigMap')
const [secret] = secretTemplate
const web = ofKind(workloads, 'Deployment').find(deployment => deployment.metadata.name === 'plaza-web')!
const webContainer = web.spec.template.spec.containers[0]
const withPods = [...ofKind(workloads, 'Deployment'), ...ofKind(migrations, 'Job')]

const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value)
const podsSelectedBy = (selector: Record<string, string>) =>
  withPods.filter(owner => selects(selector, owner.spec.template.metadata.labels))

/** A route file under server/api answers GET on the path (`/api/health` → health/index.get.ts). */
const routeExists = (path: string) => {
  const rest = path.replace(/^\/api\//, 'server/api/')
  return existsSync(join(root, `${rest}.get.ts`)) || existsSync(join(root, `${rest}/index.get.ts`))
}

const containerPort = (container: Manifest, port: string | number) =>
  container.ports?.find((candidate: Manifest) => candidate.name === port || candidate.containerPort === port)?.containerPort

describe('the manifests against the Kubernetes API schemas', () => {
  it.each(all.map(manifest => [`${manifest.kind} ${manifest.metadata.name}`, manifest] as const))('%s is valid', (_, manifest) => {
    expect(schemaProblems(manifest)).toEqual([])
  })

  it('cover every object of every YAML file under deploy/kubernetes but kustomizations and Helm values', () => {
    const key = (manifest: Manifest) => `${manifest.kind}/${manifest.metadata.name}`
    const files = (readdirSync(kubernetesDir, { recursive: true }) as string[])
      .filter(file => file.endsWith('.yaml') && !file.endsWith('kustomization.yaml') && file !== 'nats-values.yaml')
    // The migrations overlay renames its Job (nameSuffix); the file has it under the base's name.
    const covered = new Set([...all, ...renderKustomization(join(kubernetesDir, 'migrate'))].map(key))
    const inFiles = files.flatMap(file => readManifests(join(kubernetesDir, file)).map(key))
    expect(inFiles.length).toBeGreaterThan(10)
    expect(inFiles.filter(name => !covered.has(name))).toEqual([])
  })

  it('refuse a broken Deployment, a misspelt CloudNativePG field, a bad name and an unknown type', () => {
    const broken = structuredClone(web)
    broken.spec.replicas = 'two'
    delete broken.spec.selector
    expect(schemaProblems(broken)).toEqual(expect.arrayContaining(['/spec must have required property selector', '/spec/replicas must be integer']))
    const cluster = structuredClone(ofKind(workloads, 'Cluster')[0]!)
    cluster.spec.instance = 3
    expect(schemaProblems(cluster)).toContain('/spec must NOT have additional properties')
    expect(schemaProblems({ ...config!, metadata: { name: 'Plaza_Config' } })[0]).toMatch(/DNS label/)
    expect(schemaProblems({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toEqual(['no schema for v1 Pod'])
  })
})

describe('the kustomize subset', () => {
  it('puts every namespaced object in the overlay\'s namespace, which the overlay creates', () => {
    expect(ofKind(workloads, 'Namespace').map(namespace => namespace.metadata.name)).toEqual(['plaza'])
    const namespaced = all.filter(manifest => manifest.kind !== 'Namespace')
    expect(new Set(namespaced.map(manifest => manifest.metadata.namespace))).toEqual(new Set(['plaza']))
  })

  it('gives every container the release\'s image, the migrations the same as the workloads', () => {
    const images = new Set(containersOf([...workloads, ...migrations]).map(container => container.image))
    expect(images).toEqual(new Set(['registry.example.com/plaza:0.1.0']))
    expect(ofKind(migrations, 'Job').map(job => job.metadata.name)).toEqual(['plaza-migrate-0-1-0'])
  })

  it('refuses a kustomization field it does not render', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaza-kustomize-'))
    try {
      writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../x.yaml]\npatches: []\n')
      expect(() => renderKustomization(dir)).toThrow(/must NOT have additional properties/)
    }
    finally {
      rmSync(dir, { recursive: true })
    }
  })
})

describe('the web', () => {
  it('runs the Dockerfile\'s command, heap cap included, on the port PORT names', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(readRepoFile('Dockerfile'))![1]!)
    expect(webContainer.command).toEqual(cmd)
    expect(cmd).toContain('--max-old-space-size=192')
    const port = webContainer.env.find((variable: Manifest) => variable.name === 'PORT').value
    expect(containerPort(webContainer, 'http')).toBe(Number(port))
  })

  it('is live when the process answers and ready when Postgres and NATS answer, on routes that exist', () => {
    expect(webContainer.livenessProbe.httpGet.path).toBe('/api/health/live')
    expect(webContainer.startupProbe.httpGet.path).toBe('/api/health/live')
    expect(webContainer.readinessProbe.httpGet.path).toBe('/api/health')
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(routeExists(webContainer[probe].httpGet.path), probe).toBe(true)
      expect(containerPort(webContainer, webContainer[probe].httpGet.port), probe).toBeDefined()
    }
    expect(routeExists('/api/health/ready')).toBe(false)
  })

  it('is reached through a Service whose target port every selected pod has', () => {
    for (const service of ofKind(workloads, 'Service')) {
      const pods = podsSelectedBy(service.spec.selector)
      expect(pods.map(pod => pod.metadata.name), service.metadata.name).not.toEqual([])
      for (const { targetPort } of service.spec.ports) {
        for (const pod of pods) expect(containerPort(pod.spec.template.spec.containers[0], targetPort), `${pod.metadata.name} ${targetPort}`).toBeDefined()
      }
    }
  })

  it('is scaled on CPU by an autoscaler aimed at its Deployment', () => {
    const [autoscaler] = ofKind(workloads, 'HorizontalPodAutoscaler')
    expect(autoscaler!.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'plaza-web' })
    expect(autoscaler!.spec.metrics[0].resource.name).toBe('cpu')
    expect(web.spec.replicas).toBeUndefined()
  })
})

describe('every pod', () => {
  it.each(withPods.map(owner => [owner.metadata.name, owner] as const))('%s runs as non-root on a read-only root with a writable /tmp', (_, owner) => {
    const pod = owner.spec.template.spec
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 })
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })
      const tmp = container.volumeMounts.find((mount: Manifest) => mount.mountPath === '/tmp')
      expect(pod.volumes.find((volume: Manifest) => volume.name === tmp.name).emptyDir).toBeDefined()
      expect(container.resources.limits.memory).toBeDefined()
    }
  })

  it('falls under a PodDisruptionBudget, if it is a Deployment\'s', () => {
    const budgets = ofKind(workloads, 'PodDisruptionBudget')
    for (const deployment of ofKind(workloads, 'Deployment')) {
      expect(budgets.filter(budget => selects(budget.spec.selector.matchLabels, deployment.spec.template.metadata.labels)), deployment.metadata.name).toHaveLength(1)
    }
  })
})

describe('the configuration', () => {
  const envNames = containersOf(all).flatMap(container => (container.env ?? []).map((variable: Manifest) => variable.name as string))
  const refs = containersOf(all).flatMap(container => [
    ...(container.envFrom ?? []).map((source: Manifest) => source.configMapRef ? { kind: 'ConfigMap', name: source.configMapRef.name } : { kind: 'Secret', name: source.secretRef.name }),
    ...(container.env ?? []).filter((variable: Manifest) => variable.valueFrom).map(({ valueFrom }: Manifest) => valueFrom.secretKeyRef ? { kind: 'Secret', ...valueFrom.secretKeyRef } : { kind: 'ConfigMap', ...valueFrom.configMapKeyRef }),
  ])

  it('names only variables Plaza reads', () => {
    expect(unknownEnvNames([...Object.keys(config!.data), ...Object.keys(secret!.stringData), ...envNames])).toEqual([])
    expect(unknownEnvNames(['PLAZA_WORKER_BATCHSIZE', 'NATS_URLS'])).toEqual(['PLAZA_WORKER_BATCHSIZE', 'NATS_URLS'])
  })

  it('lists a variable read outside config.ts only where that file reads it', () => {
    for (const [name, file] of Object.entries(READ_ELSEWHERE)) expect(readRepoFile(file)).toContain(`process.env.${name}`)
  })

  it('holds values the config schema accepts in every container, with a database URL such as CloudNativePG makes', () => {
    for (const container of containersOf(all)) {
      const literal = (container.env ?? []).filter((variable: Manifest) => 'value' in variable).map((variable: Manifest) => [variable.name, variable.value])
      const env = { ...config!.data, ...secret!.stringData, ...Object.fromEntries(literal), DATABASE_URL: 'postgresql://plaza:secret@plaza-db-rw.plaza:5432/plaza' }
      expect(() => parseConfig(env), container.name).not.toThrow()
    }
  })

  it('refers only to ConfigMaps and Secrets that exist, the database Secret being CloudNativePG\'s', () => {
    const madeByOperator = ofKind(workloads, 'Cluster').map(cluster => ({ kind: 'Secret', name: `${cluster.metadata.name}-app`, keys: ['uri', 'username', 'password', 'host', 'port', 'dbname'] }))
    const objects = [
      ...ofKind(all, 'ConfigMap').map(map => ({ kind: 'ConfigMap', name: map.metadata.name, keys: Object.keys(map.data) })),
      ...ofKind(all, 'Secret').map(s => ({ kind: 'Secret', name: s.metadata.name, keys: Object.keys(s.stringData ?? s.data) })),
      ...madeByOperator,
    ]
    for (const ref of refs) {
      const target = objects.find(object => object.kind === ref.kind && object.name === ref.name)
      expect(target, `${ref.kind} ${ref.name}`).toBeDefined()
      if (ref.key) expect(target!.keys, `${ref.kind} ${ref.name}`).toContain(ref.key)
    }
  })
})
