import { describe, expect, it } from 'vitest'
import { needsTouch, sessionState, touchInterval, type SessionRecord } from '../../../../server/modules/sessions/session'

const policy = { idleMs: 30 * 60_000, maxMs: 7 * 24 * 60 * 60_000 }
const start = Date.parse('2026-12-01T10:00:00Z')
const session = (lastSeenAgoMs: number, createdAgoMs = lastSeenAgoMs): SessionRecord =>
  ({ id: 's', role: 'customer', customerId: 'c', createdAt: new Date(start - createdAgoMs), lastSeenAt: new Date(start - lastSeenAgoMs) })

describe('sessionState', () => {
  it('is live until the idle time passes without a request', () => {
    expect(sessionState(session(policy.idleMs - 1), start, policy)).toBe('live')
    expect(sessionState(session(policy.idleMs), start, policy)).toBe('idle')
  })

  it('is too old after the absolute lifetime, however recently it was used', () => {
    expect(sessionState(session(0, policy.maxMs - 1), start, policy)).toBe('live')
    expect(sessionState(session(0, policy.maxMs), start, policy)).toBe('too-old')
  })
})

describe('touching last_seen_at', () => {
  it('happens at most once a minute, or every quarter of a shorter idle time', () => {
    expect(touchInterval(policy)).toBe(60_000)
    expect(touchInterval({ idleMs: 2000, maxMs: 5000 })).toBe(500)
    expect(needsTouch(session(59_999), start, policy)).toBe(false)
    expect(needsTouch(session(60_000), start, policy)).toBe(true)
  })
})
