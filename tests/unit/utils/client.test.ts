import type { H3Event } from 'h3'
import { beforeAll, describe, expect, it } from 'vitest'

// The module reads the configuration once: the trusted proxies are set before it is loaded.
let client: typeof import('../../../server/utils/client')
beforeAll(async () => {
  process.env.PLAZA_TRUSTED_PROXIES = '10.0.0.0/8, fd00::/8'
  client = await import('../../../server/utils/client')
})

const request = (peer: string | undefined, headers: Record<string, string> = {}, encrypted = false) =>
  ({ node: { req: { socket: { remoteAddress: peer, encrypted }, headers } }, context: {} }) as unknown as H3Event

describe('clientAddress', () => {
  it('is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(client.clientAddress(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.9')
  })

  it('is the right-most address of X-Forwarded-For that is not a trusted proxy', () => {
    const forwarded = { 'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.1.2.3' }
    expect(client.clientAddress(request('10.0.0.2', forwarded))).toBe('198.51.100.7')
  })

  it('stops at a malformed entry, at the last address a trusted proxy vouched for', () => {
    expect(client.clientAddress(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.7, not-an-ip, 10.1.2.3' }))).toBe('10.1.2.3')
  })

  it('is the proxy itself when the header is missing or only names proxies', () => {
    expect(client.clientAddress(request('10.0.0.2'))).toBe('10.0.0.2')
    expect(client.clientAddress(request('10.0.0.2', { 'x-forwarded-for': '10.9.9.9' }))).toBe('10.9.9.9')
  })

  it('writes an IPv4 peer on a dual-stack socket as IPv4, and matches IPv6 ranges', () => {
    expect(client.clientAddress(request('::ffff:203.0.113.9'))).toBe('203.0.113.9')
    expect(client.clientAddress(request('::ffff:10.0.0.2', { 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5')
    expect(client.clientAddress(request('fd00::1', { 'x-forwarded-for': '2001:db8::5' }))).toBe('2001:db8::5')
  })
})

describe('requestHost and requestProtocol', () => {
  const forwarded = { host: 'internal:3000', 'x-forwarded-host': 'shop.example, other.example', 'x-forwarded-proto': 'https' }

  it('follow X-Forwarded-Host and -Proto from a trusted proxy', () => {
    expect(client.requestHost(request('10.0.0.2', forwarded))).toBe('shop.example')
    expect(client.requestProtocol(request('10.0.0.2', forwarded))).toBe('https')
  })

  it('ignore them from anyone else', () => {
    expect(client.requestHost(request('203.0.113.9', forwarded))).toBe('internal:3000')
    expect(client.requestProtocol(request('203.0.113.9', forwarded))).toBe('http')
  })

  it('say https for a TLS socket of our own', () => {
    expect(client.requestProtocol(request('203.0.113.9', {}, true))).toBe('https')
  })
})
