import { createTestDatabase } from '../support/database'
import { startServer } from '../support/server'
import { E2E_PORT } from '../../playwright.config'

/** Starts the built app on a database of its own; the returned function stops it and drops the database. */
export default async function globalSetup() {
  const database = await createTestDatabase('e2e')
  const server = await startServer(database.url, { PORT: String(E2E_PORT) })
  return async () => {
    await server.stop()
    await database.drop()
  }
}
