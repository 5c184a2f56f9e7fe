import { describe, expect, it } from 'vitest'
import { anonymous } from '../../support/admin'

describe('the API documentation', () => {
  it('serves the OpenAPI document', async () => {
    const response = await anonymous().get('/api/openapi.json')
    expect(response.status).toBe(200)
    expect(response.data.openapi).toBe('3.0.3')
    expect(Object.keys(response.data.paths)).toContain('/api/stores/{id}/products')
  })

  it('serves the API docs page with its script and stylesheet from the app itself', async () => {
    const client = anonymous()
    const page = await client.get('/api/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(match => match[1]!)
    expect(assets).toEqual(['/api/docs/assets/swagger-ui.css', '/api/docs/assets/swagger-ui-bundle.js', '/api/docs/init.js'])
    for (const asset of assets) {
      const response = await client.get(asset)
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 })
      expect(response.text.length).toBeGreaterThan(10)
    }
  })
})
