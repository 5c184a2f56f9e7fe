import { Counter, Gauge, Histogram } from 'prom-client'
import { countOrdersByStatus } from '../modules/ordering'
import { db } from '../platform/db'
import { createMetricsRegistry } from '../platform/metrics/registry'
import { webLog } from './web-log'

/** What GET /metrics of a web process serves. */
export const webMetrics = createMetricsRegistry()

export const httpRequestDuration = new Histogram({
  name: 'plaza_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status (server-sent event streams count until they close)',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [webMetrics],
})

export const orderCommands = new Counter({
  name: 'plaza_order_commands_total',
  help: 'Order commands this web process carried out, by command: placed (new orders only, not idempotent replays), paid, cancelled',
  labelNames: ['command'] as const,
  registers: [webMetrics],
})

/**
 * Read on each scrape from the read model. Every replica reports the same numbers (aggregate with
 * max); if the database cannot answer, the series are left out rather than reported as zero.
 */
new Gauge({
  name: 'plaza_orders',
  help: 'Orders in the read model by status',
  labelNames: ['status'] as const,
  registers: [webMetrics],
  async collect() {
    try {
      const counts = await countOrdersByStatus(db())
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count)
    }
    catch (error) {
      this.reset()
      webLog.warn({ error: (error as Error).message }, 'metrics: could not count orders by status')
    }
  },
})
