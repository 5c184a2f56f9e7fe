import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv } from 'ajv'
import { parseAllDocuments } from 'yaml'

/** A Kubernetes object as read from YAML; the schemas say what its fields may be. */
export interface Manifest {
  apiVersion: string
  kind: string
  metadata: { name: string, namespace?: string, labels?: Record<string, string>, annotations?: Record<string, string> }
  [field: string]: any
}

/**
 * The part of kustomize that deploy/kubernetes uses: resources (files and kustomization folders),
 * namespace, nameSuffix and images. Any other field is refused rather than ignored, so the base
 * cannot outgrow what this renders. Semantics: kubectl.docs.kubernetes.io/references/kustomize/kustomization/
 */
const kustomizationSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'resources'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kustomize.config.k8s.io/v1beta1' },
    kind: { const: 'Kustomization' },
    resources: { type: 'array', minItems: 1, items: { type: 'string' } },
    namespace: { type: 'string' },
    nameSuffix: { type: 'string', pattern: '^-[a-z0-9-]*[a-z0-9]$' },
    images: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, newName: { type: 'string' }, newTag: { type: 'string' } },
      },
    },
  },
} as const

interface Kustomization {
  resources: string[]
  namespace?: string
  nameSuffix?: string
  images?: { name: string, newName?: string, newTag?: string }[]
}

const validKustomization = new Ajv({ allErrors: true }).compile<Kustomization>(kustomizationSchema)

// Objects outside any namespace: kustomize's namespace field leaves them as they are.
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass'])

/** Every document of a YAML file, in order; a syntax error throws with the file's name. */
export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map(error => error.message).join('; ')}`)
    const value = document.toJS()
    return value == null ? [] : [value as Manifest]
  })
}

/** What `kustomize build <dir>` prints, as objects, for the subset above. */
export function renderKustomization(dir: string): Manifest[] {
  const file = join(dir, 'kustomization.yaml')
  const kustomization = readManifests(file)[0]
  if (!validKustomization(kustomization)) {
    throw new Error(`${file}: ${validKustomization.errors!.map(error => `${error.instancePath || '/'} ${error.message}`).join('; ')}`)
  }
  const manifests = kustomization.resources.flatMap((entry) => {
    const path = resolve(dir, entry)
    return statSync(path).isDirectory() ? renderKustomization(path) : readManifests(path)
  })
  return manifests.map(manifest => transform(structuredClone(manifest), kustomization, file))
}

function transform(manifest: Manifest, { namespace, nameSuffix, images = [] }: Kustomization, file: string): Manifest {
  if (namespace && !CLUSTER_SCOPED.has(manifest.kind)) manifest.metadata.namespace = namespace
  if (nameSuffix) {
    // kustomize would also rename references to a renamed object; this subset has none to rename.
    if (manifest.kind !== 'Job') throw new Error(`${file}: nameSuffix is only rendered here for Jobs, which nothing refers to; ${manifest.kind} ${manifest.metadata.name} is not one`)
    manifest.metadata.name += nameSuffix
  }
  for (const container of containersOf(manifest)) {
    const image = images.find(candidate => candidate.name === imageName(container.image))
    if (image) container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`
  }
  return manifest
}

/** Every container and init container, wherever it sits (pod templates of Deployments, Jobs, …). */
export function containersOf(value: unknown): { name: string, image: string, [field: string]: any }[] {
  if (Array.isArray(value)) return value.flatMap(containersOf)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) =>
    (key === 'containers' || key === 'initContainers') && Array.isArray(child) ? [...child, ...containersOf(child)] : containersOf(child))
}

// The image's name without its tag or digest (a registry port's colon comes before the last slash).
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!
  const tagAt = withoutDigest.lastIndexOf(':')
  return tagAt > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, tagAt) : withoutDigest
}
