import { BlockList, isIP } from 'node:net'
import { getRequestHeader, type H3Event } from 'h3'
import { config, type ProxyRange } from '../platform/config'

/**
 * Who is on the other end of a request, and how they reached Plaza. X-Forwarded-For, -Host and -Proto
 * are believed only when the socket peer is a trusted proxy (PLAZA_TRUSTED_PROXIES, none by default):
 * anyone else could write them, and rate limits, the CSRF check, Secure cookies and HSTS would follow
 * whatever they wrote. The one place that decides; nothing else reads those headers.
 */

let trusted: BlockList | undefined

/** PLAZA_TRUSTED_PROXIES as a matcher (node:net's BlockList compares addresses and CIDRs, IPv4 and IPv6). */
export function proxyMatcher(ranges: ProxyRange[]): BlockList {
  const list = new BlockList()
  for (const { network, prefix, family } of ranges) list.addSubnet(network, prefix, family)
  return list
}

function isTrusted(address: string | undefined): boolean {
  if (!address) return false
  trusted ??= proxyMatcher(config().PLAZA_TRUSTED_PROXIES)
  const version = isIP(address)
  return version !== 0 && trusted.check(address, version === 4 ? 'ipv4' : 'ipv6')
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`, so one client has one key. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

const peerOf = (event: H3Event) => {
  const address = event.node.req.socket?.remoteAddress
  return address === undefined ? undefined : plain(address)
}

const fromTrustedProxy = (event: H3Event) => isTrusted(peerOf(event))

/**
 * The client's address: the socket peer, or, behind trusted proxies, the right-most address of
 * X-Forwarded-For that is not a trusted proxy (each proxy appends the peer it saw, so the entries to
 * the left of that one were written by the client and prove nothing). A malformed entry ends the walk
 * at the last address a trusted proxy vouched for.
 */
export function clientAddress(event: H3Event): string {
  const peer = peerOf(event)
  if (!peer) return 'unknown'
  if (!isTrusted(peer)) return peer
  const forwarded = (getRequestHeader(event, 'x-forwarded-for') ?? '').split(',').map(entry => plain(entry.trim())).filter(Boolean)
  let client = peer
  for (let index = forwarded.length - 1; index >= 0; index--) {
    const hop = forwarded[index]!
    if (isIP(hop) === 0) break
    client = hop
    if (!isTrusted(hop)) break
  }
  return client
}

/** The host the client asked for: X-Forwarded-Host from a trusted proxy (its first value), else Host. */
export function requestHost(event: H3Event): string {
  const forwarded = fromTrustedProxy(event) ? getRequestHeader(event, 'x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || getRequestHeader(event, 'host') || 'localhost'
}

/** `https` when the client's connection is TLS: ours, or the trusted proxy's (X-Forwarded-Proto, first value). */
export function requestProtocol(event: H3Event): 'http' | 'https' {
  if ((event.node.req.socket as { encrypted?: boolean } | undefined)?.encrypted) return 'https'
  const forwarded = fromTrustedProxy(event) ? getRequestHeader(event, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined
  return forwarded === 'https' ? 'https' : 'http'
}

/**
 * The origin the visitor sees, for the absolute URLs a page carries (og:url, og:image, JSON-LD): the
 * trusted proxy's host and protocol, else our own. h3's getRequestURL would take X-Forwarded-Proto
 * from anyone and X-Forwarded-Host from no one.
 */
export function siteOrigin(event: H3Event): string {
  return `${requestProtocol(event)}://${requestHost(event)}`
}
