import postgres from 'postgres'
import { audit } from '../../server/audit/invariants'

/** The invariants `npm run audit` checks, run against a test database: returns only the violated ones. */
export async function violatedInvariants(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
  try {
    return (await audit(sql)).filter(result => result.violations > 0)
  }
  finally {
    await sql.end({ timeout: 1 })
  }
}
