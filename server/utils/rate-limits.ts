import { getRequestIP, setResponseHeader, type H3Event } from 'h3'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { config } from '../platform/config'
import { DomainError } from '../platform/errors'

// Per web process, in memory (rate-limiter-flexible): N replicas allow up to N times the rate, which
// is what these limits are for (slowing password guessing and runaway clients), not billing.
let limiters: { signIn: RateLimiterMemory, orders: RateLimiterMemory } | undefined

function limitersNow() {
  limiters ??= {
    signIn: new RateLimiterMemory({ keyPrefix: 'sign-in', points: config().PLAZA_SIGNIN_ATTEMPTS_PER_MINUTE, duration: 60 }),
    orders: new RateLimiterMemory({ keyPrefix: 'orders', points: config().PLAZA_ORDERS_PER_MINUTE, duration: 60 }),
  }
  return limiters
}

async function consume(event: H3Event, limiter: RateLimiterMemory, key: string, what: string) {
  try {
    await limiter.consume(key)
  }
  catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    setResponseHeader(event, 'retry-after', seconds)
    throw new DomainError('RATE_LIMITED', `Too many ${what}; try again in ${seconds} s`)
  }
}

/** Sign-in attempts, per client address. */
export function limitSignIn(event: H3Event) {
  return consume(event, limitersNow().signIn, getRequestIP(event, { xForwardedFor: true }) ?? 'unknown', 'sign-in attempts')
}

/** Orders placed, per customer. */
export function limitOrders(event: H3Event, customerId: string) {
  return consume(event, limitersNow().orders, customerId, 'orders')
}
