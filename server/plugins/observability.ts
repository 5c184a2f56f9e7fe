import { createError } from 'h3'
import { routeLabel } from '../platform/metrics/route-label'
import { logRequestError, matchedRoute } from '../utils/request-log'
import { webLog } from '../utils/web-log'
import { httpRequestDuration } from '../utils/web-metrics'

/**
 * Times every request until its response closes (errors, files and event streams included) for
 * plaza_http_request_duration_seconds, and logs every error response as one JSON line.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    const stopTimer = httpRequestDuration.startTimer()
    event.node.res.once('close', () => {
      const status = event.node.res.statusCode
      stopTimer({ method: event.method, route: routeLabel({ matchedRoute: matchedRoute(event), pathname: event.path.split('?')[0]!, status }), status: String(status) })
    })
  })
  nitroApp.hooks.hook('error', (error, { event }) => {
    // createError keeps an H3Error as it is and wraps anything else as a 500 with it as the cause.
    if (event) logRequestError(event, createError(error))
    else webLog.error({ err: error }, 'unexpected error outside a request')
  })
})
