import { defineApiHandler } from '~~/server/utils/api-handler'
import { signInWithPasskeyCeremony } from '~~/server/utils/passkeys'
import { limitSignIn } from '~~/server/utils/rate-limits'

/** Signs a customer in with a passkey (WebAuthn, two requests: `{ verify: false }`, then the signed response). */
export default defineApiHandler(async (event) => {
  await limitSignIn(event)
  return signInWithPasskeyCeremony(event)
})
