import { context, createContextKey, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Context, type Link, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions'

/**
 * Tracing with the OpenTelemetry Node SDK, configured only through the standard OTEL_* variables:
 * on when OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT names a collector (OTLP
 * over HTTP, JSON) and OTEL_SDK_DISABLED is not true. Off, nothing is registered: the API's tracer
 * is a no-op, its spans are never recorded, and no outbox row or message carries a context.
 * The sampler, batching and resource follow the SDK's own variables (OTEL_TRACES_SAMPLER,
 * OTEL_BSP_*, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES).
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = {
  OTEL_SDK_DISABLED: process.env.OTEL_SDK_DISABLED,
  OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
}): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim())
}

let provider: NodeTracerProvider | undefined

/**
 * Starts the SDK once per process if the environment asks for it; `serviceName` (plaza-web,
 * plaza-worker) unless OTEL_SERVICE_NAME says otherwise. Returns whether tracing is on.
 */
export function startTracing(serviceName: string, warn: (line: string) => void = console.warn): boolean {
  if (provider) return true
  if (!tracingConfigured()) return false
  const protocol = (process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? process.env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim()
  if (protocol && protocol !== 'http/json') warn(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported; traces are sent as OTLP/HTTP JSON (http/json)`)
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }).merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  })
  // The default context manager (AsyncLocalStorage) and propagator (W3C trace context and baggage).
  provider.register()
  return true
}

/** Whether this process records spans: hot paths skip their tracing work entirely when it does not. */
export const tracingOn = (): boolean => provider !== undefined

/** Sends the spans still buffered and stops the SDK: the last step of a graceful shutdown. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown().catch(() => {})
  provider = undefined
}

/** Plaza's tracer: a no-op one while tracing is off. */
export const tracer = (): Tracer => trace.getTracer('plaza')

/** The W3C `traceparent` of the span active here, or null when there is none or tracing is off. */
export function activeTraceparent(active: Context = context.active()): string | null {
  if (!provider || !trace.getSpanContext(active)) return null
  const carrier: Record<string, string> = {}
  propagation.inject(active, carrier)
  return carrier.traceparent ?? null
}

/** The context a `traceparent` (from a header or an outbox row) continues; the root context without one. */
export function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT
}

/**
 * What a batch's messages each continue, by message id: the messages a handler writes carry the
 * context of the message that caused them (causationId), though one transaction handles many.
 */
const CAUSES = createContextKey('plaza causes by message id')

export function withCauses<T>(causes: Map<string, string>, run: () => T): T {
  return context.with(context.active().setValue(CAUSES, causes), run)
}

/**
 * The trace context an outgoing message carries: its cause's, when a consumer handles that cause
 * here; else the active span's (the web request that placed it); else none.
 */
export function traceparentFor(causationId: string | null | undefined): string | null {
  if (!provider) return null
  const causes = context.active().getValue(CAUSES) as Map<string, string> | undefined
  return (causationId && causes?.get(causationId)) || activeTraceparent()
}

/** Marks a span failed with the error that ended it. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error))
  span.setStatus({ code: SpanStatusCode.ERROR })
}

/** Runs `work` as the active span `name`, which ends (marked failed on a throw) when `work` settles. */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>, parent: Context = context.active()): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span)
    }
    catch (error) {
      failSpan(span, error)
      throw error
    }
    finally {
      span.end()
    }
  })
}

/** A link to the span active here, if any: what a batch span points at for each call or message it serves. */
export function linkToActive(active: Context = context.active()): Link[] {
  const spanContext = trace.getSpanContext(active)
  return spanContext ? [{ context: spanContext }] : []
}
