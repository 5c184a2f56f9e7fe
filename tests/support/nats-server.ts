import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { onProcessExit } from './process-exit'
import { freePort } from './server'

const NATS_SERVER = process.env.PLAZA_TEST_NATS_SERVER ?? '/usr/sbin/nats-server'

export interface NatsServer {
  url: string
  port: number
  /** What the server printed so far (every run of it), for failure messages. */
  log: () => string
  /** SIGKILL: no flush, no goodbye to clients. */
  kill: () => Promise<void>
  /** Starts it again on the same port and store directory, and waits until JetStream answers. */
  start: () => Promise<void>
  /** Kills it and deletes its store; safe to call twice. */
  dispose: () => Promise<void>
}

/** A nats-server of our own with JetStream, on its own port and store directory. */
export async function startNats(): Promise<NatsServer> {
  const storeDir = mkdtempSync(join(tmpdir(), 'plaza-nats-'))
  const port = await freePort()
  const url = `nats://127.0.0.1:${port}`
  let output = ''
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()

  const start = async () => {
    const started = spawn(NATS_SERVER, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
    started.stdout!.on('data', chunk => (output += chunk))
    started.stderr!.on('data', chunk => (output += chunk))
    exited = new Promise(resolve => started.once('exit', () => resolve()))
    child = started
    await waitForJetStream(url, started, () => output)
  }
  const kill = async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  const removeOnExit = onProcessExit(() => {
    child?.kill('SIGKILL')
    rmSync(storeDir, { recursive: true, force: true })
  })
  const dispose = async () => {
    removeOnExit()
    await kill()
    rmSync(storeDir, { recursive: true, force: true })
  }

  try {
    await start()
  }
  catch (error) {
    await dispose()
    throw error
  }
  return { url, port, log: () => output, kill, start, dispose }
}

/** Waits until a client can connect and JetStream answers (after a restart it first recovers its store). */
async function waitForJetStream(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000
  let lastError: unknown
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}:\n${output()}`)
    try {
      const nc = await connect({ servers: url, reconnect: false, timeout: 1000 })
      try {
        await (await jetstreamManager(nc)).getAccountInfo()
        return
      }
      finally {
        await nc.close()
      }
    }
    catch (error) {
      lastError = error
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`nats-server did not become ready within 30 s (${(lastError as Error)?.message}):\n${output()}`)
}
