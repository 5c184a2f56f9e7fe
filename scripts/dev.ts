import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { config } from '../server/platform/config'
import { prepareDatabase } from './migrate'

// Development: migrations (and the demo mall on an empty catalog), the Nuxt dev server (hot reload) and a worker that restarts when its code changes.
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
await prepareDatabase(config(), line => console.log(line))
const children = [
  spawn(process.execPath, [join(root, 'node_modules', 'nuxt', 'bin', 'nuxt.mjs'), 'dev'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'workers/main.ts'], { cwd: root, stdio: 'inherit' }),
]
const stop = () => children.forEach(child => child.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', stop)
