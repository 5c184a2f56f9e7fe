import { ConfigError, config, redactUrl } from '../server/platform/config'
import { audit } from '../server/audit/invariants'
import { closeDb, db, waitForDatabase } from '../server/platform/db'

// `npm run audit`: checks the invariants of the database in DATABASE_URL; exits 1 on any violation.
try {
  await waitForDatabase(db(), config().DATABASE_URL)
  const results = await audit(db())
  console.log(`Audit of ${redactUrl(config().DATABASE_URL)}`)
  for (const result of results) {
    console.log(`${String(result.violations).padStart(6)}  ${result.name}${result.examples.length ? `  e.g. ${result.examples.join(', ')}` : ''}`)
  }
  const failed = results.filter(result => result.violations > 0).length
  console.log(failed ? `${failed} invariant(s) violated` : 'All invariants hold')
  await closeDb()
  process.exit(failed ? 1 : 0)
}
catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Audit failed: ${(error as Error).message}`)
  process.exit(1)
}
