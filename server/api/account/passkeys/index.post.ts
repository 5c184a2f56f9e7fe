import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer } from '~~/server/utils/auth'
import { registerPasskey } from '~~/server/utils/passkeys'

/** Registers a passkey for the signed-in customer (WebAuthn, two requests: `{ verify: false, user }`, then the attestation). */
export default defineApiHandler(async (event) => {
  await requireCustomer(event)
  return registerPasskey(event)
})
