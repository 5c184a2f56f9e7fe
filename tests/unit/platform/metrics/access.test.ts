import { describe, expect, it } from 'vitest'
import { hasBearerToken } from '../../../../server/platform/metrics/access'

const TOKEN = 'a-metrics-token-of-some-length'

describe('hasBearerToken', () => {
  it('accepts exactly the configured bearer token', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true)
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true)
  })

  it('refuses a missing, different, partial or differently schemed credential', () => {
    expect(hasBearerToken(undefined, TOKEN)).toBe(false)
    expect(hasBearerToken('', TOKEN)).toBe(false)
    expect(hasBearerToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false)
    expect(hasBearerToken(`Bearer ${TOKEN.slice(0, 10)}`, TOKEN)).toBe(false)
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN)).toBe(false)
    expect(hasBearerToken(TOKEN, TOKEN)).toBe(false)
  })
})
