import { ConfigError, config } from '../platform/config'
import { startBootstrap } from '../utils/readiness'

// A bad environment stops the process with one clear line instead of failing on the first request.
export default defineNitroPlugin(() => {
  try {
    config()
  }
  catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`[plaza] ${error.message}`)
    process.exit(1)
  }
  void startBootstrap()
})
