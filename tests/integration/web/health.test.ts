import { describe, expect, it } from 'vitest'
import { anonymous } from '../../support/admin'

describe('the health routes', () => {
  it('reports Postgres and NATS reachable', async () => {
    const response = await anonymous().get('/api/health')
    expect(response.status).toBe(200)
    expect(response.data).toEqual({ status: 'ok', db: 'up', nats: 'up' })
  })
})

describe('liveness', () => {
  it('answers whether or not the dependencies are up', async () => {
    const response = await anonymous().get('/api/health/live')
    expect(response.status).toBe(200)
    expect(response.data).toMatchObject({ status: 'live', uptimeSeconds: expect.any(Number) })
  })
})

describe('an unknown API path', () => {
  it('answers an unknown API path with a JSON 404', async () => {
    const response = await anonymous().get('/api/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.data.statusCode).toBe(404)
  })
})
