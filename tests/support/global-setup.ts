import type { TestProject } from 'vitest/node'
import { startStack } from './stack'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
    natsPrefix: string
  }
}

/** One stack (database, web, worker) for the integration run; each test file makes its own stores. */
export default async function setup(project: TestProject) {
  const stack = await startStack('it')
  project.provide('baseUrl', stack.server.baseUrl)
  project.provide('databaseUrl', stack.database.url)
  project.provide('natsPrefix', stack.prefix)
  return () => stack.stop()
}
