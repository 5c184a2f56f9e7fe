import { execFile, execFileSync } from 'node:child_process'
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './server'
import { onProcessExit } from './process-exit'

const run = promisify(execFile)
const BIN = process.env.PLAZA_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres, the maintenance database. */
  url: string
  port: number
  /** The server log so far, for failure messages. */
  log: () => string
  /** `pg_ctl stop -m immediate`: every backend killed at once, no checkpoint (like a crash). */
  stopImmediately: () => Promise<void>
  /** Starts it again on the same port and data directory, and waits until it accepts connections. */
  start: () => Promise<void>
  /** Stops it and deletes its directory; safe to call twice and after a failed start. */
  dispose: () => Promise<void>
}

/**
 * A throwaway PostgreSQL of our own: its own data directory, socket directory and port, so a test can
 * stop and restart it without touching the machine's shared server. Binaries from PLAZA_TEST_PG_BIN
 * (default: Debian's PostgreSQL 15).
 */
export async function startPostgres(): Promise<PostgresServer> {
  const root = mkdtempSync(join(tmpdir(), 'plaza-pg-'))
  const data = join(root, 'data')
  const socketDir = join(root, 'socket')
  const logFile = join(root, 'postgres.log')
  mkdirSync(socketDir)
  // PostgreSQL refuses to run as root: as root, hand the directory to the `postgres` user and run
  // every tool as that user; as anyone else, run them directly.
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { uid, gid } = await postgresUser()
    chownSync(root, uid, gid)
    chownSync(socketDir, uid, gid)
  }
  const port = await freePort()
  const asPostgres = (tool: string, args: string[]) => asRoot
    ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args], { cwd: root })
    : run(join(BIN, tool), args, { cwd: root })
  // fsync off is safe for a process that is killed (the OS still holds the writes); synchronous_commit
  // stays on so an immediate stop keeps every commit that was acknowledged.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socketDir} -c fsync=off -c full_page_writes=off -c max_connections=200`
  const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, ...args])

  let running = false
  const stopImmediately = async () => {
    if (!running) return
    await pgCtl('stop', '-m', 'immediate', '-w')
    running = false
  }
  const start = async () => {
    await pgCtl('start', '-w', '-t', '60', '-l', logFile, '-o', options)
    running = true
  }
  const removeOnExit = onProcessExit(() => {
    // Last resort when the test process ends without its afterAll (a crash): no server left behind.
    const stop = [join(BIN, 'pg_ctl'), '-D', data, 'stop', '-m', 'immediate']
    if (running) runSyncQuietly(asRoot ? 'runuser' : stop[0]!, asRoot ? ['-u', 'postgres', '--', ...stop] : stop.slice(1))
    rmSync(root, { recursive: true, force: true })
  })
  const dispose = async () => {
    removeOnExit()
    await stopImmediately().catch(() => {})
    rmSync(root, { recursive: true, force: true })
  }

  try {
    await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-instructions'])
    await start()
  }
  catch (error) {
    const log = readQuietly(logFile)
    await dispose()
    throw new Error(`Could not start a PostgreSQL of our own: ${(error as Error).message}\n${log}`)
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, log: () => readQuietly(logFile), stopImmediately, start, dispose }
}

async function postgresUser() {
  const { stdout } = await run('id', ['-u', 'postgres'])
  const { stdout: group } = await run('id', ['-g', 'postgres'])
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) }
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  }
  catch {
    return ''
  }
}

function runSyncQuietly(command: string, args: string[]) {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 })
  }
  catch {
    // nothing more to do at exit
  }
}
