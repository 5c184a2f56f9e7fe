import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { migrate } from '../../scripts/migrate'

const SERVER_URL = process.env.PLAZA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  url: string
  name: string
  drop: () => Promise<void>
}

/** A fresh, migrated database of its own for one test run (on the shared server unless told); `drop` removes it. */
export async function createTestDatabase(label: string, serverUrl = SERVER_URL): Promise<TestDatabase> {
  const name = `plaza_test_${label}_${randomBytes(4).toString('hex')}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  await migrate(url.toString(), () => {})
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
      try {
        await admin`drop database if exists ${admin(name)} with (force)`
      }
      finally {
        await admin.end({ timeout: 1 })
      }
    },
  }
}
