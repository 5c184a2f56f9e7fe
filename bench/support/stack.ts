import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTestDatabase, type TestDatabase } from '../../tests/support/database'
import { freePort, NO_DEMO_MALL, RAISED_LIMITS, TEST_ADMIN_PASSWORD, TEST_SESSION_PASSWORD } from '../../tests/support/server'
import { deleteStream, NATS_URL } from '../../tests/support/stack'
import { WEB_NODE_FLAGS } from '../../scripts/web-process'
import { WORKER_ENTRY } from '../../scripts/worker-process'
import { spawnLogged } from '../../tests/support/spawn-logged'
import { sleep } from './stats'

const root = join(import.meta.dirname, '..', '..')
export const SERVER_ENTRY = join(root, '.output', 'server', 'index.mjs')
export { TEST_ADMIN_PASSWORD as ADMIN_PASSWORD }

/** A child process of the bench: its pid (for /proc), the tail of its output, and a graceful stop. */
export interface BenchProcess {
  pid: number
  /** A worker's PLAZA_WORKER_ID (worker-1, worker-2, …), which the inbox and outbox record; 'web' for the web process. */
  id: string
  output: () => string
  stop: () => Promise<void>
}

export interface BenchStack {
  baseUrl: string
  database: TestDatabase
  prefix: string
  web: BenchProcess
  /** The workers running now, in the order they started. */
  workers: BenchProcess[]
  /** Starts one more worker on the stack's database and prefix, and waits until its consumers run. */
  addWorker: () => Promise<BenchProcess>
  /** Stops a worker gracefully (it drains what it holds) and takes it off `workers`. */
  removeWorker: (worker: BenchProcess) => Promise<void>
  stop: () => Promise<void>
}

export interface StackOptions {
  /** Environment for web and workers (delays, deadline). */
  env?: Record<string, string>
  workers?: number
  /** Extra node flags for web and workers, e.g. --cpu-prof. */
  nodeArgs?: string[]
}

/**
 * The same approach as tests/support/stack.ts (a database and a NATS prefix of its own, the built
 * web server and the built worker as child processes), but keeping the pids so the bench can read
 * peak memory from /proc and pass node flags such as --cpu-prof.
 */
export async function startBenchStack(label: string, options: StackOptions = {}): Promise<BenchStack> {
  const database = await createTestDatabase(label)
  const prefix = `b${label}${randomBytes(3).toString('hex')}`.toLowerCase()
  const port = await freePort()
  const env = {
    DATABASE_URL: database.url,
    NATS_URL,
    PLAZA_NATS_PREFIX: prefix,
    PLAZA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    NUXT_SESSION_PASSWORD: TEST_SESSION_PASSWORD,
    // The bench registers thousands of customers before it measures orders: scrypt at 2^10, not 2^17,
    // and every client comes from 127.0.0.1, so the per-address limits are raised as in the tests.
    PLAZA_PASSWORD_SCRYPT_LOG2N: '10',
    ...RAISED_LIMITS,
    ...NO_DEMO_MALL,
    ...options.env,
  }
  const nodeArgs = options.nodeArgs ?? []
  const started: BenchProcess[] = []
  try {
    const baseUrl = `http://127.0.0.1:${port}`
    const web = launch('web', [...WEB_NODE_FLAGS, ...nodeArgs, SERVER_ENTRY], { ...env, PORT: String(port), HOST: '127.0.0.1' })
    started.push(web)
    await until(() => ready(baseUrl), web, 'the web server to answer /api/auth/session')
    const workers: BenchProcess[] = []
    let launched = 0
    const addWorker = async () => {
      const id = `worker-${++launched}`
      const worker = launch(id, [...nodeArgs, WORKER_ENTRY], { ...env, PLAZA_WORKER_ID: id })
      started.push(worker)
      workers.push(worker)
      await until(async () => worker.output().includes('"worker started"'), worker, 'the worker to start')
      return worker
    }
    for (let i = 0; i < (options.workers ?? 1); i++) await addWorker()
    return {
      baseUrl,
      database,
      prefix,
      web,
      workers,
      addWorker,
      removeWorker: async (worker) => {
        await worker.stop()
        workers.splice(workers.indexOf(worker), 1)
      },
      stop: async () => {
        await Promise.all(workers.map(worker => worker.stop()))
        await web.stop()
        await deleteStream(prefix)
        await database.drop()
      },
    }
  }
  catch (error) {
    await Promise.all(started.map(child => child.stop()))
    await deleteStream(prefix)
    await database.drop()
    throw error
  }
}

function launch(name: string, args: string[], env: Record<string, string>): BenchProcess & { child: ChildProcess } {
  const { child, output, exited } = spawnLogged(name, process.execPath, args, { cwd: root, env: { ...process.env, ...env } })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.kill('SIGTERM')
    await exited
    clearTimeout(force)
  }
  return { child, pid: child.pid!, id: name, output, stop }
}

async function ready(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/auth/session`)).ok
  }
  catch {
    return false
  }
}

async function until(check: () => Promise<boolean>, process: BenchProcess & { child: ChildProcess }, what: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`Exited (${process.child.exitCode}) while waiting for ${what}:\n${process.output()}`)
    if (await check()) return
    await sleep(100)
  }
  throw new Error(`Timed out waiting for ${what}:\n${process.output()}`)
}

/** Peak and current resident memory of a process, in MiB, from /proc/<pid>/status (Linux). */
export function residentMemory(pid: number): { peakMiB: number, currentMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
  return { peakMiB: kib('VmHWM') / 1024, currentMiB: kib('VmRSS') / 1024 }
}

/** The clock ticks /proc counts CPU time in (USER_HZ): 100 per second on Linux. */
const TICKS_PER_SECOND = 100

/** CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** CPU seconds used so far, per part of what runs on this machine. */
export interface CpuUse {
  webS: number
  workersS: number
  postgresS: number
  /** The part of postgresS spent serving the workers' connections (the relay and the consumers); the rest serves the web. */
  postgresWorkersS: number
  /** The local nats-server process(es), when the broker runs on this machine. */
  brokerS: number
  /** The bench process itself: the load generator and its polling. */
  benchS: number
  /** Every process of the machine, the kernel's own work included (/proc/stat, idle and steal excluded). */
  machineS: number
}

/**
 * Starts counting the CPU the stack's web and workers use, and what else shares the machine with them
 * (broker, load generator, everything); the returned function gives the seconds used since. On a shared
 * machine this is steadier than wall time: it is what the work costs.
 */
export function cpuMeter(stack: BenchStack, postgresPids: number[] = [], workerBackendPids: number[] = []): () => CpuUse {
  const total = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuOrZero(pid)), 0)
  const brokerPids = processesNamed('nats-server')
  const read = (): CpuUse => {
    const bench = process.cpuUsage()
    return {
      webS: cpuSeconds(stack.web.pid),
      workersS: total(stack.workers.map(worker => worker.pid)),
      postgresS: total(postgresPids),
      postgresWorkersS: total(workerBackendPids),
      brokerS: total(brokerPids),
      benchS: (bench.user + bench.system) / 1e6,
      machineS: machineBusySeconds(),
    }
  }
  const start = read()
  return () => {
    const end = read()
    return Object.fromEntries(Object.entries(end).map(([key, value]) => [key, value - start[key as keyof CpuUse]])) as unknown as CpuUse
  }
}

/** Pids of the processes whose command name is `name` (/proc/<pid>/comm). */
function processesNamed(name: string): number[] {
  return readdirSync('/proc').filter(entry => /^\d+$/.test(entry)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name
    }
    catch {
      return false
    }
  }).map(Number)
}

/** Busy CPU seconds of the whole machine since boot: user, nice, system, irq and softirq time of all cores. */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number)
  return (user! + nice! + system! + irq! + softirq!) / TICKS_PER_SECOND
}

/** A Postgres backend may end while it is measured; count what it used until then as unknown (0). */
function cpuOrZero(pid: number): number {
  try {
    return cpuSeconds(pid)
  }
  catch {
    return 0
  }
}
