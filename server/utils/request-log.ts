import type { H3Error, H3Event } from 'h3'
import { webLog } from './web-log'

/** The router's pattern for the route that answered, when the request got that far. */
export const matchedRoute = (event: H3Event): string | undefined => event.context.matchedRoute?.path

/** What the log line of an error response needs to know about its request. */
export interface FailedRequest {
  method: string
  /** Path and query, as h3's event.path. */
  path: string
  route: string | undefined
  params: Record<string, string> | undefined
}

/**
 * The log line of an error response. Only an unexpected 500 carries a stack trace (of the original
 * error, kept as the H3Error's cause); the expected ones (4xx, 503) carry their code and message.
 * Never the body, the query string or the headers: they may hold passwords, phones or cookies.
 */
export function requestErrorLine(request: FailedRequest, error: H3Error) {
  const status = error.statusCode ?? 500
  const fields = {
    method: request.method,
    path: request.path.split('?')[0],
    route: request.route,
    status,
    code: (error.data as { code?: string } | undefined)?.code,
    orderId: request.route?.startsWith('/api/orders/:id') ? request.params?.id : undefined,
  }
  if (status === 500) return { level: 'error' as const, fields: { ...fields, err: error.cause instanceof Error ? error.cause : error }, message: 'request failed unexpectedly' }
  return { level: status > 500 ? 'warn' as const : 'info' as const, fields: { ...fields, message: error.message }, message: status > 500 ? 'request failed' : 'request refused' }
}

export function logRequestError(event: H3Event, error: H3Error) {
  const { level, fields, message } = requestErrorLine({ method: event.method, path: event.path, route: matchedRoute(event), params: event.context.params }, error)
  webLog[level](fields, message)
}
