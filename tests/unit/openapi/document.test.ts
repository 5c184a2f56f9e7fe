import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '../../../server/openapi/document'

const apiDir = join(import.meta.dirname, '..', '..', '..', 'server', 'api')

/** server/api/stores/[id]/products.post.ts → "post /api/stores/{id}/products" */
function routesOnDisk(): string[] {
  return readdirSync(apiDir, { recursive: true, encoding: 'utf8' })
    .filter(file => /\.(get|post|put|patch|delete)\.ts$/.test(file))
    .filter(file => !file.startsWith('docs'))
    .map((file) => {
      const [, path, method] = relative(apiDir, join(apiDir, file)).match(/^(.*)\.(get|post|put|patch|delete)\.ts$/)!
      const route = `/api/${path!.replace(/\/?index$/, '').replace(/\[(\w+)\]/g, '{$1}')}`
      return `${method} ${route}`
    })
    .sort()
}

describe('the OpenAPI document', () => {
  const document = openApiDocument('test')

  it('describes every route file under server/api', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map(method => `${method} ${path}`))
      .sort()
    expect(documented).toEqual(routesOnDisk())
  })

  it('gives request bodies their JSON schema, with limits', () => {
    const body = (document.paths['/api/stores/{id}/products'] as any).post.requestBody.content['application/json'].schema
    expect(body.required).toEqual(['name', 'stock', 'price'])
    expect(body.properties.stock).toMatchObject({ type: 'integer', minimum: 0 })
    expect(body.additionalProperties).toBe(false)
  })

  it('lists 401 and 403 on admin routes and 404 on routes with an id', () => {
    const remove = (document.paths['/api/stores/{id}'] as any).delete.responses
    expect(Object.keys(remove)).toEqual(expect.arrayContaining(['204', '400', '401', '403', '404']))
  })
})
