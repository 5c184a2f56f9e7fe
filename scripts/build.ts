import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { WORKER_ENTRY } from './worker-process'

const root = join(import.meta.dirname, '..')

/**
 * Builds what `npm start`, `npm run worker`, the image, the tests and the bench run: the web (nuxt
 * build, into .output/server and .output/public), then the worker bundled into one ES module next to
 * it (workers/main.ts and the server modules it shares with the web; packages stay imports of
 * node_modules). In that order: nuxt build empties .output.
 */
export async function buildApp(): Promise<void> {
  const nuxt = spawn(process.execPath, [join(root, 'node_modules', 'nuxt', 'bin', 'nuxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' })
  const code = await new Promise<number>(resolve => nuxt.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))))
  if (code !== 0) throw new Error(`nuxt build failed (exit code ${code})`)
  await build({
    entryPoints: [join(root, 'workers', 'main.ts')],
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApp().catch((error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
