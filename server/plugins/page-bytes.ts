/**
 * Sends each rendered page as UTF-8 bytes. A page with one character past Latin-1 (a price's "€")
 * is a two-byte string, which Node writes to the socket about four times slower than its bytes:
 * 1.1 ms against 0.3 ms (encoding included) for an 80 KB catalog page here. Runs before
 * page-cache.ts, which keeps the bytes.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response) => {
    if (typeof response.body === 'string') response.body = Buffer.from(response.body)
  })
})
