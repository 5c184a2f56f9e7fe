import { describe, expect, it } from 'vitest'
import { routeLabel } from '../../../../server/platform/metrics/route-label'

const ORDER_ID = '0b7c3c1e-6a43-4f8e-9d0a-1f2e3d4c5b6a'

describe('routeLabel', () => {
  it('keeps the router pattern of an API route, not the URL with its id', () => {
    expect(routeLabel({ matchedRoute: '/api/orders/:id/pay', pathname: `/api/orders/${ORDER_ID}/pay`, status: 409 })).toBe('/api/orders/:id/pay')
  })

  it('labels a rendered page by its path with ids replaced', () => {
    expect(routeLabel({ matchedRoute: '/**', pathname: `/admin/orders/${ORDER_ID}`, status: 200 })).toBe('/admin/orders/:id')
    expect(routeLabel({ matchedRoute: '/**', pathname: `/admin/stores/${ORDER_ID.toUpperCase()}/products`, status: 200 })).toBe('/admin/stores/:id/products')
    expect(routeLabel({ matchedRoute: '/**', pathname: '/shopping', status: 200 })).toBe('/shopping')
  })

  it('keeps the catch-all for a page that did not render, so made-up paths add no label', () => {
    expect(routeLabel({ matchedRoute: '/**', pathname: '/wp-login.php', status: 404 })).toBe('/**')
  })

  it('tells public files from requests a middleware refused before routing', () => {
    expect(routeLabel({ matchedRoute: undefined, pathname: '/_nuxt/entry.js', status: 200 })).toBe('(static)')
    expect(routeLabel({ matchedRoute: undefined, pathname: '/api/orders', status: 403 })).toBe('(unrouted)')
  })
})
