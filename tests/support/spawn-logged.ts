import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

/** How much of a long-running process's output is kept for failure messages: the last 64 KiB. */
const KEEP_OUTPUT = 64 * 1024

export interface LoggedProcess {
  child: ChildProcess
  /** The tail of what it printed on stdout and stderr, prefixed with its name. */
  output: () => string
  exited: Promise<void>
}

/** Spawns a process whose stdout and stderr are kept (their last 64 KiB) for failure messages. */
export function spawnLogged(name: string, command: string, args: string[], options: SpawnOptions = {}): LoggedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-KEEP_OUTPUT)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return { child, output: () => `[${name}] ${output}`, exited }
}
