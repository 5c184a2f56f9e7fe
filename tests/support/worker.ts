import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { WORKER_ENTRY } from '../../scripts/worker-process'

const root = join(import.meta.dirname, '..', '..')

export interface RunningWorker {
  process: ChildProcess
  output: () => string
  /** SIGTERM and wait (a graceful drain). */
  stop: () => Promise<void>
  /** SIGKILL: no drain, no goodbye. */
  kill: () => Promise<void>
}

/** Starts the built worker (as `npm run worker` does) as its own process and waits until its consumers are running. */
export async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`No built worker at ${WORKER_ENTRY}: run \`npm run build\` first.`)
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && !output.includes('"worker started"')) {
    if (child.exitCode !== null) throw new Error(`The worker exited with ${child.exitCode}:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  if (!output.includes('"worker started"')) {
    child.kill('SIGKILL')
    throw new Error(`The worker did not start within 30 s:\n${output}`)
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    await exited
  }
  return { process: child, output: () => output, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') }
}
