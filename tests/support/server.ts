import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const entry = join(root, '.output', 'server', 'index.mjs')

export const TEST_ADMIN_PASSWORD = 'test-admin-password'
export const TEST_SESSION_PASSWORD = 'test-session-password-that-is-long-enough-0123456789'

export interface RunningServer {
  baseUrl: string
  /** The server process's id, to read its memory from /proc. */
  pid: number
  output: () => string
  /** Resolves with the exit code once the process has ended (null: killed by a signal). */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export const RAISED_LIMITS = {
  PLAZA_ORDERS_PER_MINUTE: '100000',
  PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE: '100000',
  PLAZA_SIGNIN_ATTEMPTS_PER_ACCOUNT_PER_HOUR: '100000',
  PLAZA_REGISTRATIONS_PER_HOUR: '100000',
  PLAZA_PASSWORD_RESETS_PER_HOUR: '100000',
}

/** Tests and the bench make their own stores: no demo mall, even if a step that seeds it runs (scripts/migrate.ts). */
export const NO_DEMO_MALL = { PLAZA_DEMO_MALL: 'off' }

/** Starts the built app (`npm run build` first) against the given database, and waits until it is ready. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(entry)) throw new Error('No build found: run `npm run build` before the integration tests')
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLAZA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      NUXT_SESSION_PASSWORD: TEST_SESSION_PASSWORD,
      PLAZA_NATS_PREFIX: `test_${port}`,
      // Tests register hundreds of customers: scrypt at 2^10 instead of 2^17 (the test-only knob, see the README).
      PLAZA_PASSWORD_SCRYPT_LOG2N: '10',
      // Many test files share one database and sign in from 127.0.0.1: limits have tests of their own, which set them.
      ...RAISED_LIMITS,
      ...NO_DEMO_MALL,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const baseUrl = `http://127.0.0.1:${port}`
  await waitUntilReady(baseUrl, child, () => output)
  return { baseUrl, pid: child.pid!, output: () => output, exited, stop: () => stop(child) }
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`)
    try {
      // /api/auth/session needs the bootstrap (database and secrets) to be done; 503 until then.
      const response = await fetch(`${baseUrl}/api/auth/session`)
      if (response.ok) return
    }
    catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`The server did not become ready within 30 s:\n${output()}`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
