import { rebuildReadModel } from '../server/modules/ordering'
import { ConfigError, config } from '../server/platform/config'
import { closeDb, db, waitForDatabase } from '../server/platform/db'

// Rewrites the orders read model from the event log: `npm run rebuild-read-model`.
try {
  await waitForDatabase(db(), config().DATABASE_URL)
  const count = await rebuildReadModel(db(), done => console.log(`[rebuild] ${done} orders`))
  console.log(`[rebuild] done: ${count} orders rebuilt from their events`)
  await closeDb()
}
catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Rebuild failed: ${(error as Error).message}`)
  process.exit(1)
}
