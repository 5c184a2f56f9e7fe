import { startTracing, stopTracing } from '../platform/tracing'
import { startRequestSpan } from '../utils/request-span'
import { webLog } from '../utils/web-log'

// OpenTelemetry tracing when the OTEL_* variables ask for it (server/platform/tracing.ts): a span per
// request; the spans still buffered are sent once the server has drained (Nitro's close hook).
export default defineNitroPlugin((nitroApp) => {
  if (!startTracing('plaza-web', line => webLog.warn(line))) return
  nitroApp.hooks.hook('request', startRequestSpan)
  nitroApp.hooks.hook('close', stopTracing)
})
