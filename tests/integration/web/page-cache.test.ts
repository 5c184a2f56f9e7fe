import { describe, expect, inject, it } from 'vitest'
import { seedStore, signedInAdmin } from '../../support/admin'

// Anonymous catalog pages are kept in memory until the catalog changes (server/utils/page-cache.ts).
const page = (path: string, headers: Record<string, string> = {}) => fetch(`${inject('baseUrl')}${path}`, { headers })

/** Requests the page until it comes from memory: the first answers may be rendered while the LISTEN is set up. */
async function untilKept(path: string, headers: Record<string, string> = {}): Promise<Response> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await page(path, headers)
    if (response.headers.get('x-plaza-cache') === 'hit') return response
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`${path} was never served from memory`)
}

const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1]

describe('the page cache', () => {
  it('serves an anonymous page from memory, with its headers and a fresh nonce', async () => {
    const rendered = await page('/shopping?sort=name')
    const kept = await untilKept('/shopping?sort=name')
    expect(kept.status).toBe(200)
    for (const name of ['content-type', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
      expect(kept.headers.get(name), name).toBe(rendered.headers.get(name))
    }
    const html = await kept.text()
    const nonce = nonceOf(html)
    expect(nonce).toBeTruthy()
    const renderedHtml = await rendered.text()
    expect(nonce).not.toBe(nonceOf(renderedHtml))
    expect(kept.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`)
    // Every script carries the fresh nonce, and nothing else changed: the page is kept as bytes (a price's €).
    expect(new Set([...html.matchAll(/nonce="([^"]+)"/g)].map(match => match[1]))).toEqual(new Set([nonce]))
    expect(html.replaceAll(nonce!, 'N')).toBe(renderedHtml.replaceAll(nonceOf(renderedHtml)!, 'N'))
    expect(nonceOf(await (await untilKept('/shopping?sort=name')).text())).not.toBe(nonce)
  })

  it('keys a page by the origin the server believes: forwarded headers from a client that is not a trusted proxy change nothing', async () => {
    const path = `/shopping?forged=${Math.random()}`
    await untilKept(path, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })
    expect((await page(path)).headers.get('x-plaza-cache')).toBe('hit')
  })

  it('keeps each query string apart', async () => {
    await untilKept('/shopping?sort=price-asc')
    expect((await page('/shopping?sort=price-asc&x=1')).headers.get('x-plaza-cache')).not.toBe('hit')
  })

  it('neither serves nor keeps a page for a request with a cookie, Authorization or a session header', async () => {
    await untilKept('/shopping')
    for (const headers of [{ cookie: 'a=b' }, { authorization: 'Bearer x' }, { 'x-plaza-session-session': 'sealed' }] as Record<string, string>[]) {
      const response = await page('/shopping', headers)
      expect(response.status).toBe(200)
      expect(response.headers.get('x-plaza-cache')).toBeNull()
    }
    const path = `/shopping?only-cookies=${Math.random()}`
    await page(path, { cookie: 'a=b' })
    await page(path, { 'x-plaza-session-session': 'sealed' })
    expect((await page(path)).headers.get('x-plaza-cache')).toBe('miss')
  })

  it('does not keep a missing product page', async () => {
    const path = '/products/00000000-0000-4000-8000-000000000000'
    expect((await page(path)).status).toBe(404)
    const again = await page(path)
    expect(again.status).toBe(404)
    expect(again.headers.get('x-plaza-cache')).toBeNull()
  })

  it('shows a stock change on the next anonymous render', async () => {
    const admin = await signedInAdmin()
    const { productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Kept lamp', stock: 7, price: 12 }])
    const path = `/products/${productId}`
    expect(await (await untilKept(path)).text()).not.toContain('Out of stock')
    expect((await admin.patch(`/api/products/${productId}`, { stock: 0 })).status).toBe(200)
    let html = ''
    for (let attempt = 0; attempt < 40 && !html.includes('Out of stock'); attempt++) {
      await new Promise(resolve => setTimeout(resolve, 50))
      html = await (await page(path)).text()
    }
    expect(html).toContain('Out of stock')
  })
})
