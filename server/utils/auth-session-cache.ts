import { getCookie, getRequestHeader, unsealSession, type H3Event, type Session, type SessionConfig } from 'h3'
import { LRUCache } from 'lru-cache'

/**
 * Sessions unsealed once per sealed cookie value. nuxt-auth-utils (h3's useSession) unseals the
 * iron-sealed cookie on every request that asks who is signed in: key derivation, HMAC and AES
 * through WebCrypto, about a third of the web process's CPU per API call. A sealed value always
 * unseals to the same session (a change seals a new value), so the result can be kept until the
 * session expires. Bounded: a few thousand recent sessions take a few MB.
 */
const unsealed = new LRUCache<string, Session>({ max: 5000 })

let sessionConfig: SessionConfig | undefined

/** The configuration nuxt-auth-utils seals with: runtimeConfig.session plus the password, which start-up puts in the environment. */
function config(): SessionConfig | undefined {
  const password = process.env.NUXT_SESSION_PASSWORD
  if (!password) return undefined
  sessionConfig ??= { ...(useRuntimeConfig().session as Partial<SessionConfig>), password }
  return sessionConfig
}

/**
 * Puts the request's session where h3's useSession looks first (event.context.sessions), from the
 * cache or unsealed here and kept. Anything unusual (no cookie, a session header, a seal that does
 * not open or has expired) is left to h3, which handles it as it always did.
 */
export async function restoreCachedSession(event: H3Event): Promise<void> {
  const settings = config()
  const name = settings?.name
  if (!settings || !name || event.context.sessions?.[name]) return
  // h3 prefers a session header to the cookie; that path is rare enough to leave uncached.
  if (getRequestHeader(event, `x-${name.toLowerCase()}-session`)) return
  const sealed = getCookie(event, name)
  if (!sealed) return
  const session = unsealed.get(sealed) ?? await unsealAndKeep(event, settings, sealed)
  if (!session) return
  event.context.sessions ??= Object.create(null) as Record<string, Session>
  // A copy: h3 updates a session's data in place before sealing the new value.
  event.context.sessions[name] = { id: session.id, createdAt: session.createdAt, data: structuredClone(session.data) }
}

async function unsealAndKeep(event: H3Event, settings: SessionConfig, sealed: string): Promise<Session | undefined> {
  let session: Partial<Session>
  try {
    // Checks the seal's own expiry and the session's age against maxAge, as h3 does.
    session = await unsealSession(event, settings, sealed)
  }
  catch {
    return undefined
  }
  if (!session.id || !session.createdAt || !session.data) return undefined
  const ttl = settings.maxAge ? session.createdAt + settings.maxAge * 1000 - Date.now() : 0
  if (settings.maxAge && ttl <= 0) return undefined
  const kept = { id: session.id, createdAt: session.createdAt, data: session.data }
  unsealed.set(sealed, kept, ttl > 0 ? { ttl } : {})
  return kept
}
