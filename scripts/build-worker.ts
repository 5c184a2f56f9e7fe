import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { WORKER_ENTRY } from './worker-process'

/**
 * Bundles the worker (workers/main.ts and the server modules it shares with the web) into one ES
 * module next to the web's build, for `npm start`, `npm run worker`, the image, the tests and the
 * bench. Packages stay imports of node_modules. Run after `nuxt build`, which empties .output.
 */
export async function buildWorker(): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'workers', 'main.ts')],
    outfile: WORKER_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker()
