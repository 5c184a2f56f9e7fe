import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { configSchema } from '../../../server/platform/config'
import { readManifests, renderKustomization, type Manifest } from './kustomize'

/** The repository's root, for reading deploy/, server/ and the Dockerfile. */
export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const kubernetesDir = join(root, 'deploy/kubernetes')

/** What the example overlay applies, its migrations Job, and the Secret template, as rendered objects. */
export function renderedExample() {
  const workloads = renderKustomization(join(kubernetesDir, 'overlays/example'))
  const migrations = renderKustomization(join(kubernetesDir, 'overlays/example/migrate'))
  const secretTemplate = readManifests(join(kubernetesDir, 'secret.template.yaml'))
  return { workloads, migrations, secretTemplate, all: [...workloads, ...migrations, ...secretTemplate] }
}

export const ofKind = (manifests: Manifest[], kind: string) => manifests.filter(manifest => manifest.kind === kind)

/** Environment variables a Plaza process reads: the keys of the zod schema in server/platform/config.ts… */
export const configNames = new Set(Object.keys(configSchema.shape))

/** …and those read on their own, each by the file named (a test checks that it does). */
export const READ_ELSEWHERE: Record<string, string> = { LOG_LEVEL: 'server/platform/log.ts', OTEL_EXPORTER_OTLP_ENDPOINT: 'server/platform/tracing.ts' }

export { WORKER_ROLES } from '../../../server/platform/config'

/** Names a Plaza process would not read: typos, or settings that do not exist. */
export function unknownEnvNames(names: Iterable<string>): string[] {
  return [...names].filter(name => !configNames.has(name) && !(name in READ_ELSEWHERE))
}

export function readRepoFile(path: string): string {
  return readFileSync(join(root, path), 'utf8')
}
