import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api'
import type { H3Event } from 'h3'
import { routeLabel } from '../platform/metrics/route-label'
import { tracer } from '../platform/tracing'
import { matchedRoute } from './request-log'

/** The context of each request's span, while it lasts (tracing on). */
const requestContexts = new WeakMap<H3Event, Context>()

/**
 * Starts the request's server span, continuing a `traceparent` the caller sent (a proxy's, a
 * client's), and ends it when the response closes, named and labelled by route as the metrics are.
 */
export function startRequestSpan(event: H3Event): void {
  const parent = propagation.extract(ROOT_CONTEXT, event.node.req.headers)
  const pathname = event.path.split('?')[0]!
  const span = tracer().startSpan(event.method, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': event.method, 'url.path': pathname },
  }, parent)
  requestContexts.set(event, trace.setSpan(parent, span))
  event.node.res.once('close', () => {
    const status = event.node.res.statusCode
    const route = routeLabel({ matchedRoute: matchedRoute(event), pathname, status })
    span.updateName(`${event.method} ${route}`)
    span.setAttributes({ 'http.route': route, 'http.response.status_code': status })
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR })
    span.end()
  })
}

/** Runs a route's handler in its request's span, so what it does (transactions, outbox rows, log lines) belongs to the request's trace. */
export function inRequestSpan<T>(event: H3Event, handler: () => T): T {
  const active = requestContexts.get(event)
  return active ? context.with(active, handler) : handler()
}
