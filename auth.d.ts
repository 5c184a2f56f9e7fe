// The shape of a Plaza session, sealed in the session cookie by nuxt-auth-utils.
declare module '#auth-utils' {
  interface User {
    role: 'admin' | 'customer'
    customerId?: string
    name?: string
  }

  // Server-only: nuxt-auth-utils never sends `secure` to the browser.
  interface SecureSessionData {
    /** The platform.sessions row that keeps this session alive (server/modules/sessions). */
    sessionId: string
  }
}

export {}
