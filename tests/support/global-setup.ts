import type { TestProject } from 'vitest/node'
import { createTestDatabase } from './database'
import { startServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
  }
}

/** One database and one server for the integration run; each test file makes its own stores. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it')
  const server = await startServer(database.url)
  project.provide('baseUrl', server.baseUrl)
  project.provide('databaseUrl', database.url)
  return async () => {
    await server.stop()
    await database.drop()
  }
}
