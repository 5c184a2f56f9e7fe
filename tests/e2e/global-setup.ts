import { startStack } from '../support/stack'
import { E2E_PORT } from '../../playwright.config'

/** Web and worker on a database and NATS prefix of their own, with short confirmation delays. */
export default async function globalSetup() {
  const stack = await startStack('e2e', {
    PORT: String(E2E_PORT),
    PAYMENT_CONFIRM_DELAY_MS: '300',
    STORE_CONFIRM_DELAY_MS: '800',
  })
  return () => stack.stop()
}
