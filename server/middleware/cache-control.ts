import { setResponseHeader } from 'h3'

// The API, and the pages whose server-rendered HTML carries a signed-in user's data.
const PERSONAL = /^\/(api|admin|checkout|account|orders)(\/|\?|$)/

/**
 * Personal answers are not stored by browsers or shared caches unless their route says otherwise:
 * most of the API depends on the session (a customer's account and orders, everything the admin
 * sees), and a cached copy would outlive sign-out on a shared computer or leak through a proxy. The
 * public catalog (GET /api/products, /api/catalog) sets its own policy (no-cache with an ETag), which replaces this.
 */
export default defineEventHandler((event) => {
  if (PERSONAL.test(event.path)) setResponseHeader(event, 'cache-control', 'no-store')
})
