// The shape of a Plaza session, sealed in the session cookie by nuxt-auth-utils.
declare module '#auth-utils' {
  interface User {
    role: 'admin' | 'customer'
    customerId?: string
    name?: string
  }
}

export {}
