import { context, trace } from '@opentelemetry/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/platform/log'
import { activeTraceparent, contextOf, startTracing, stopTracing, traceparentFor, tracingConfigured, withCauses } from '../../../server/platform/tracing'

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/

function loggedLines() {
  const lines: Record<string, unknown>[] = []
  const log = createLogger('test', { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { log, lines }
}

describe('tracingConfigured', () => {
  it('is on only when an OTLP endpoint is named, and OTEL_SDK_DISABLED=true wins', () => {
    expect(tracingConfigured({})).toBe(false)
    expect(tracingConfigured({ OTEL_SERVICE_NAME: 'plaza', OTEL_TRACES_SAMPLER: 'always_on' })).toBe(false)
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBe(false)
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true)
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true)
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' })).toBe(false)
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'false' })).toBe(true)
  })
})

describe('with no SDK registered (tracing off)', () => {
  it('gives messages no trace context and log lines no trace fields', () => {
    expect(activeTraceparent()).toBeNull()
    expect(traceparentFor('any-cause')).toBeNull()
    const { log, lines } = loggedLines()
    trace.getTracer('test').startActiveSpan('unrecorded', (span) => {
      log.info('inside')
      span.end()
    })
    expect(lines[0]).not.toHaveProperty('trace_id')
  })
})

describe('with tracing on', () => {
  beforeAll(() => {
    // A collector nobody runs: the few spans made here are dropped when the test stops tracing.
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:9'
    expect(startTracing('plaza-test')).toBe(true)
  })
  afterAll(async () => {
    await stopTracing()
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT
    trace.disable()
    context.disable()
  })

  it('gives a message the context of its cause when the batch handles it, else the active span\'s', () => {
    const tracer = trace.getTracer('test')
    const cause = tracer.startSpan('process cause')
    const causeTraceparent = activeTraceparent(trace.setSpan(context.active(), cause))!
    expect(causeTraceparent).toMatch(TRACEPARENT)
    tracer.startActiveSpan('batch', (batch) => {
      const own = activeTraceparent()!
      expect(own).toContain(batch.spanContext().spanId)
      withCauses(new Map([['m-1', causeTraceparent]]), () => {
        expect(traceparentFor('m-1')).toBe(causeTraceparent)
        expect(traceparentFor('m-2')).toBe(own)
        expect(traceparentFor(null)).toBe(own)
      })
      batch.end()
    })
    cause.end()
  })

  it('continues a traceparent read back from a row or a header', () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
    expect(trace.getSpanContext(contextOf(parent))).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' })
    expect(trace.getSpanContext(contextOf(null))).toBeUndefined()
  })

  it('puts the active span\'s trace and span ids on log lines', () => {
    const { log, lines } = loggedLines()
    trace.getTracer('test').startActiveSpan('handling', (span) => {
      log.info('inside')
      span.end()
      expect(lines[0]).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId })
    })
    log.info('outside')
    expect(lines[1]).not.toHaveProperty('trace_id')
  })
})
