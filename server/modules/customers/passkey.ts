/** A WebAuthn credential a customer registered: what verifying a sign-in with it needs. */
export interface Passkey {
  id: string
  customerId: string
  /** The COSE public key, base64url. */
  publicKey: string
  counter: number
  backedUp: boolean
  transports: string[]
  createdAt: Date
  lastUsedAt: Date | null
}

/** How long a WebAuthn ceremony may take between its two requests. */
export const PASSKEY_CHALLENGE_TTL_SECONDS = 300
