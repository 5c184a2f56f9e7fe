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
export const READ_ELSEWHERE: Record<string, string> = { LOG_LEVEL: 'server/platform/log.ts' }

/**
 * Issue 15's worker roles (PLAZA_WORKER_ROLES, a comma-separated subset of the five roles) are being
 * added to config.ts beside this work; until they land the name is allowed here, and a test fails
 * once config.ts has it, to have it taken off this list.
 */
export const PENDING_IN_CONFIG = ['PLAZA_WORKER_ROLES']

export const WORKER_ROLES = ['relay', 'payments', 'catalog', 'ordering', 'deadlines'] as const

/** Names a Plaza process would not read: typos, or settings that do not exist. */
export function unknownEnvNames(names: Iterable<string>): string[] {
  return [...names].filter(name => !configNames.has(name) && !(name in READ_ELSEWHERE) && !PENDING_IN_CONFIG.includes(name))
}

export function readRepoFile(path: string): string {
  return readFileSync(join(root, path), 'utf8')
}
