import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import postgres from 'postgres'
import { ConfigError, config } from '../server/platform/config'
import { waitForDatabase } from '../server/platform/db'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** dbmate (lib/pq) assumes TLS unless told; postgres.js assumes none. Match postgres.js when the URL is silent. */
function dbmateUrl(url: string): string {
  const parsed = new URL(url)
  if (!parsed.searchParams.has('sslmode')) parsed.searchParams.set('sslmode', 'disable')
  return parsed.toString()
}

/**
 * Applies pending migrations with dbmate, creating the database first when it is missing.
 * Safe to run any number of times, from any number of processes (dbmate takes an advisory lock).
 */
export async function migrate(databaseUrl: string, log: (line: string) => void = console.error): Promise<void> {
  const server = new URL(databaseUrl)
  server.pathname = '/postgres'
  const probe = postgres(server.toString(), { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    await waitForDatabase(probe, databaseUrl, log)
  }
  finally {
    await probe.end({ timeout: 1 })
  }
  const args = ['--url', dbmateUrl(databaseUrl), '--migrations-dir', join(root, 'migrations'), '--no-dump-schema', 'up']
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'dbmate'), args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', chunk => (output += chunk))
    child.stderr.on('data', chunk => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      const lines = output.trim()
      if (code === 0) {
        if (lines) log(lines.replace(/^/gm, '[migrate] '))
        resolve()
      }
      else {
        reject(new Error(`Migrations failed (dbmate exited with ${code}):\n${lines}`))
      }
    })
  })
}

async function main() {
  try {
    await migrate(config().DATABASE_URL)
  }
  catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message)
    process.exit(1)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
