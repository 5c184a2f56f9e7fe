import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runner } from 'node-pg-migrate'
import postgres from 'postgres'
import { ConfigError, config, type Config } from '../server/platform/config'
import { closeDb, db, waitForDatabase } from '../server/platform/db'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Creates the database unless it exists (two callers racing is fine: the loser sees "already exists"). */
async function ensureDatabase(databaseUrl: string, log: (line: string) => void) {
  const target = new URL(databaseUrl)
  const name = decodeURIComponent(target.pathname.slice(1))
  const server = new URL(databaseUrl)
  server.pathname = '/postgres'
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    await waitForDatabase(admin, databaseUrl, log)
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`
    if (exists) return
    await admin`create database ${admin(name)}`.catch((error) => {
      if (error.code !== '42P04') throw error
    })
    log(`[migrate] created database ${name}`)
  }
  finally {
    await admin.end({ timeout: 1 })
  }
}

/**
 * Applies pending migrations (numbered SQL files in migrations/) with node-pg-migrate, creating the
 * database first when it is missing. Safe to run any number of times, and from several processes at
 * once: node-pg-migrate holds an advisory lock while it works.
 */
export async function migrate(databaseUrl: string, log: (line: string) => void = console.error): Promise<void> {
  await ensureDatabase(databaseUrl, log)
  const applied = await runner({
    databaseUrl,
    dir: join(root, 'migrations'),
    direction: 'up',
    migrationsTable: 'schema_migrations',
    migrationsSchema: 'public',
    checkOrder: true,
    verbose: false,
    log: () => {},
  })
  for (const migration of applied) log(`[migrate] applied ${migration.name}`)
}

/**
 * What runs once before web and workers start (`npm start`, and docker compose's and Kubernetes'
 * migrate step): the migrations, then the demo mall when PLAZA_DEMO_MALL is on and the catalog is
 * empty. A demo mall that fails says so and leaves the catalog empty; it never stops Plaza starting.
 */
export async function prepareDatabase(settings: Config, log: (line: string) => void = console.error): Promise<void> {
  await migrate(settings.DATABASE_URL, log)
  if (settings.PLAZA_DEMO_MALL === 'off') return
  try {
    // Loaded only here: the catalog module and sharp stay out of what tests import with migrate().
    const { seedDemoMall } = await import('./demo-mall/seed')
    const mall = await seedDemoMall(db(), log)
    if (mall) log(`[plaza] Demo mall created: ${mall.stores} stores, ${mall.products} products in ${mall.categories} categories, ${mall.pictures} pictures (${mall.seconds.toFixed(1)} s); set PLAZA_DEMO_MALL=off to start empty`)
  }
  catch (error) {
    log(`[plaza] The demo mall could not be created (${(error as Error).message}); the catalog stays empty`)
  }
  finally {
    await closeDb()
  }
}

async function main() {
  try {
    await prepareDatabase(config())
  }
  catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Migrations failed: ${(error as Error).message}`)
    process.exit(1)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
