import { bootstrapSecrets } from '../platform/bootstrap'
import { config } from '../platform/config'
import { db, isConnectionError, unreachableMessage } from '../platform/db'
import { webLog } from './web-log'

let ready = false
let starting: Promise<void> | undefined

/** True once the database answered and the shared secrets are in place. */
export const isReady = () => ready

/** Connects and resolves secrets in the background, retrying with backoff and saying why, never crashing. */
export function startBootstrap(): Promise<void> {
  starting ??= (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        const { sessionPassword } = await bootstrapSecrets(db(), config(), line => console.log(`[plaza] ${line}`))
        // nuxt-auth-utils reads the session password from here on first use.
        process.env.NUXT_SESSION_PASSWORD = sessionPassword
        ready = true
        return
      }
      catch (error) {
        const delay = Math.min(500 * 2 ** (attempt - 1), 10_000)
        webLog.error(`${explain(error)} Retrying in ${(delay / 1000).toFixed(1)} s.`)
        await new Promise(resolve => setTimeout(resolve, delay))
      }
    }
  })()
  return starting
}

function explain(error: unknown): string {
  if (isConnectionError(error)) return unreachableMessage(config().DATABASE_URL, error)
  const code = (error as { code?: string }).code
  if (code === '3D000' || code === '42P01') return 'The database has no Plaza schema yet: run `npm run migrate` (npm start does it for you).'
  return `Start-up failed: ${(error as Error).message}.`
}
