/** The page renderer's catch-all route: every server-rendered page matches it. */
export const PAGE_RENDERER_ROUTE = '/**'

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i

export interface AnsweredRequest {
  /** The router's pattern for the route that answered (`/api/orders/:id/pay`), if one did. */
  matchedRoute: string | undefined
  /** The path without its query string. */
  pathname: string
  status: number
}

/**
 * The `route` label of the HTTP metrics: a pattern, never a raw URL, so ids do not make a series
 * each. API routes keep the router's pattern. Pages all match the renderer's catch-all, so a page
 * that rendered is labelled by its path with ids as `:id` (`/admin/orders/:id`); a page that did
 * not (404 from a made-up path) keeps the catch-all, so scanners cannot grow the label set.
 * Requests that never reached the router were either public files (`(static)`) or refused by a
 * middleware first, such as the CSRF check or the start-up 503 (`(unrouted)`).
 */
export function routeLabel({ matchedRoute, pathname, status }: AnsweredRequest): string {
  if (!matchedRoute) return status < 400 ? '(static)' : '(unrouted)'
  if (matchedRoute !== PAGE_RENDERER_ROUTE || status >= 400) return matchedRoute
  return pathname.split('/').map(segment => (ID_SEGMENT.test(segment) ? ':id' : segment)).join('/')
}
