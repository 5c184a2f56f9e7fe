import { isError, type EventHandler, type H3Event } from 'h3'
import { z } from 'zod'
import type { WebAuthnCredential } from '#auth-utils'
import { addPasskey, getCustomer, keepPasskeyChallenge, passkeyDescriptors, passkeyForSignIn, signInWithPasskey, takePasskeyChallenge } from '../modules/customers'
import { db } from '../platform/db'
import { DomainError } from '../platform/errors'
import { requireCustomer, startCustomerSession } from './auth'
import { readJson } from './request'

/** How an authenticator can be reached ('internal', 'usb', 'hybrid', ...), as the WebAuthn library types it. */
type Transport = NonNullable<WebAuthnCredential['transports']>[number]

// The two WebAuthn ceremonies of nuxt-auth-utils (each two requests: options, then the signed
// response), with challenges kept in Postgres so any replica can answer the second request.

/** Registering a passkey for the signed-in customer: the WebAuthn user is theirs, whatever the body says. */
const registration = defineWebAuthnRegisterEventHandler({
  async validateUser(_body, event) {
    const { customerId } = await requireCustomer(event)
    const customer = await getCustomer(db(), customerId)
    return { userName: customer.phone, displayName: customer.name, customerId }
  },
  getOptions: async event => ({
    rpName: 'Plaza',
    // The same WebAuthn user handle for every passkey of a customer, so an authenticator keeps one per account.
    userID: new TextEncoder().encode((await requireCustomer(event)).customerId),
    // Discoverable, so that signing in needs no phone first.
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  }),
  excludeCredentials: async event => (await passkeyDescriptors(db(), (await requireCustomer(event)).customerId))
    .map(passkey => ({ id: passkey.id, transports: passkey.transports as Transport[] })),
  storeChallenge: async (event, challenge, attemptId) => keepPasskeyChallenge(db(), attemptId, challenge, (await requireCustomer(event)).customerId),
  getChallenge: async (event, attemptId) => takePasskeyChallenge(db(), attemptId, (await requireCustomer(event)).customerId),
  async onSuccess(_event, { user, credential }) {
    await addPasskey(db(), { id: credential.id, customerId: user.customerId, publicKey: credential.publicKey, counter: credential.counter, backedUp: credential.backedUp, transports: credential.transports ?? [] })
  },
})

/** Signing in with a discoverable passkey: no phone asked, the credential names its account. */
const authentication = defineWebAuthnAuthenticateEventHandler({
  getOptions: () => ({ userVerification: 'preferred' }),
  storeChallenge: (_event, challenge, attemptId) => keepPasskeyChallenge(db(), attemptId, challenge, null),
  getChallenge: (_event, attemptId) => takePasskeyChallenge(db(), attemptId, null),
  getCredential: async (_event, id) => {
    const passkey = await passkeyForSignIn(db(), id)
    return { id: passkey.id, publicKey: passkey.publicKey, counter: passkey.counter, backedUp: passkey.backedUp, transports: passkey.transports as Transport[] }
  },
  async onSuccess(event, { credential, authenticationInfo }) {
    await startCustomerSession(event, await signInWithPasskey(db(), credential.id, authenticationInfo.newCounter))
  },
})

/** What either ceremony's two requests may carry; checked before nuxt-auth-utils reads the body. */
const ceremonyBody = z.union([
  z.strictObject({ verify: z.literal(false), user: z.object({ userName: z.string().max(200) }).optional(), userName: z.string().max(200).optional() }),
  z.strictObject({
    verify: z.literal(true),
    attemptId: z.string().min(1).max(200),
    user: z.object({ userName: z.string().max(200) }).optional(),
    userName: z.string().max(200).optional(),
    response: z.object({ id: z.string().min(1).max(1024), rawId: z.string().max(1024), type: z.literal('public-key'), response: z.object({}).loose() }).loose(),
  }),
], { error: 'must be { verify: false } to start, or { verify: true, attemptId, response } to finish' })

export const registerPasskey = (event: H3Event) => ceremony(event, registration)
export const signInWithPasskeyCeremony = (event: H3Event) => ceremony(event, authentication)

/**
 * Runs a ceremony on a body of the right shape (400 otherwise, where nuxt-auth-utils would fail on
 * a missing field). A response the WebAuthn library cannot verify is 400, not 500: it threw because
 * the client's data was wrong. The answer to a finished ceremony is only `{ verified }`.
 */
async function ceremony(event: H3Event, handler: EventHandler): Promise<unknown> {
  await readJson(event, ceremonyBody)
  let result: unknown
  try {
    result = await handler(event)
  }
  catch (error) {
    if (error instanceof DomainError || isError(error)) throw error
    throw new DomainError('VALIDATION', `The passkey could not be verified: ${(error as Error).message}`)
  }
  if (result && typeof result === 'object' && 'verified' in result) return { verified: result.verified }
  return result
}
