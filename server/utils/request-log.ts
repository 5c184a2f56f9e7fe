import type { H3Error, H3Event } from 'h3'
import { webLog } from './web-log'

/** The router's pattern for the route that answered, when the request got that far. */
export const matchedRoute = (event: H3Event): string | undefined => event.context.matchedRoute?.path

/**
 * One JSON line per error response. Only an unexpected 500 carries a stack trace (of the original
 * error, kept as the H3Error's cause); the expected ones (4xx, 503) carry their code and message.
 * Never the body, the query string or the headers: they may hold passwords, phones or cookies.
 */
export function logRequestError(event: H3Event, error: H3Error) {
  const route = matchedRoute(event)
  const status = error.statusCode ?? 500
  const fields = {
    method: event.method,
    path: event.path.split('?')[0],
    route,
    status,
    code: (error.data as { code?: string } | undefined)?.code,
    orderId: route?.startsWith('/api/orders/:id') ? event.context.params?.id : undefined,
  }
  if (status === 500) webLog.error({ ...fields, err: error.cause instanceof Error ? error.cause : error }, 'request failed unexpectedly')
  else if (status > 500) webLog.warn({ ...fields, message: error.message }, 'request failed')
  else webLog.info({ ...fields, message: error.message }, 'request refused')
}
