import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, config } from '../server/platform/config'
import { buildApp } from './build'
import { prepareDatabase } from './migrate'
import { WEB_NODE_FLAGS } from './web-process'
import { WORKER_ENTRY } from './worker-process'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const serverEntry = join(root, '.output', 'server', 'index.mjs')
const SOURCES = ['app.vue', 'nuxt.config.ts', 'tailwind.config.ts', 'assets', 'components', 'layouts', 'middleware', 'pages', 'public', 'server', 'stores', 'theme', 'composables', 'workers', 'package-lock.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs)
}

/** True when there is no build, or a source file changed after it was made. */
function buildIsStale(): boolean {
  if (!existsSync(serverEntry) || !existsSync(WORKER_ENTRY)) return true
  const built = statSync(serverEntry).mtimeMs
  return SOURCES.some(source => newestMtime(join(root, source)) > built)
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { cwd: root, env, stdio: 'inherit' })
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise(resolve => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
}

async function main() {
  const settings = config()
  if (buildIsStale()) {
    console.log('[plaza] Building the app (npm run build)…')
    await buildApp()
  }
  await prepareDatabase(settings, line => console.log(line))

  const children = [
    run(process.execPath, [...WEB_NODE_FLAGS, serverEntry], { ...process.env, PORT: String(settings.PORT) }),
    run(process.execPath, [WORKER_ENTRY]),
  ]
  console.log(`[plaza] Web on http://localhost:${settings.PORT} and one worker (Ctrl-C stops both)`)

  let asked = false
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      asked = true
      stopAll()
    })
  }

  // When one process ends on its own, the others are stopped too and the exit code says it was a failure.
  const first = await Promise.race(children.map(exited))
  stopAll()
  await Promise.all(children.map(exited))
  process.exit(asked ? 0 : first || 1)
}

main().catch((error) => {
  console.error(`[plaza] ${error instanceof ConfigError ? error.message : (error as Error).message}`)
  process.exit(1)
})
