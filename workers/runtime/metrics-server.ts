import { createServer } from 'node:http'
import type { Registry } from 'prom-client'
import type { Logger } from '../../server/platform/log'
import { hasBearerToken } from '../../server/platform/metrics/access'

export interface MetricsServerOptions {
  /** 0: no server. */
  port: number
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined
}

/**
 * A small HTTP server for Prometheus: GET /metrics and nothing else. A port already taken (another
 * worker on the host) is logged and the worker runs on without metrics: the pipeline matters more.
 */
export function startMetricsServer(registry: Registry, { port, token }: MetricsServerOptions, log: Logger) {
  if (port === 0) return { close: async () => {} }
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://worker').pathname
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: scrape GET /metrics\n')
      return
    }
    if (token && !hasBearerToken(request.headers.authorization, token)) {
      response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Send Authorization: Bearer <PLAZA_METRICS_TOKEN>\n')
      return
    }
    registry.metrics().then(
      body => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: Error) => {
        log.warn({ error: error.message }, 'metrics scrape failed')
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Could not collect the metrics\n')
      },
    )
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.error({ port, code: error.code }, `metrics: cannot listen on port ${port} (${error.code ?? error.message}); running without /metrics. Give each worker on a host its own PLAZA_WORKER_METRICS_PORT, or 0 for none`)
  })
  server.listen(port, () => log.info({ port }, `metrics on http://0.0.0.0:${port}/metrics`))
  return {
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    }),
  }
}
