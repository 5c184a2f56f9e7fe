import type { JsMsg } from '@nats-io/jetstream'
import { context, SpanKind, trace, type Span } from '@opentelemetry/api'
import { activeTraceparent, contextOf, failSpan, inSpan, tracer, tracingOn, withCauses } from '../../server/platform/tracing'

/** What tracing a batch takes: run the batch in its span, settle each message in its own. */
export interface BatchSpans {
  /** Runs the handler as the batch's span, linked to every message's, with each message's context for the results it causes. */
  run: <T>(work: () => Promise<T>) => Promise<T>
  /** Runs `settle` (ack, nak, dead letter and its log line) in the message's span, then ends that span. */
  settle: <T>(message: JsMsg, settle: () => Promise<T>) => Promise<T>
  /** Ends every span still open, marked failed with `error`. */
  fail: (error: unknown) => void
}

/**
 * A consumer span per message, continuing the trace its `traceparent` header carries (the relay's
 * send span), and one per batch, linked to them: a batch serves many traces at once. Undefined while
 * tracing is off.
 */
export function batchSpans(consumer: string, deliveries: { message: JsMsg, payload: unknown }[]): BatchSpans | undefined {
  if (!tracingOn()) return undefined
  const spans = new Map<JsMsg, Span>()
  const causes = new Map<string, string>()
  for (const { message, payload } of deliveries) {
    const parent = contextOf(message.headers?.get('traceparent'))
    const span = tracer().startSpan(`process ${message.subject}`, {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.system': 'nats', 'messaging.operation.type': 'process', 'messaging.destination.name': message.subject, 'messaging.consumer.group.name': consumer, 'messaging.message.id': message.headers?.get('Nats-Msg-Id') ?? '', 'plaza.delivery': message.info.deliveryCount },
    }, parent)
    spans.set(message, span)
    const messageId = (payload as { messageId?: unknown } | null)?.messageId
    const traceparent = activeTraceparent(trace.setSpan(parent, span))
    if (typeof messageId === 'string' && traceparent) causes.set(messageId, traceparent)
  }
  const batch = { kind: SpanKind.CONSUMER, root: true, links: [...spans.values()].map(span => ({ context: span.spanContext() })), attributes: { 'messaging.system': 'nats', 'messaging.consumer.group.name': consumer, 'messaging.batch.message_count': spans.size } }
  const end = (message: JsMsg) => {
    spans.get(message)?.end()
    spans.delete(message)
  }
  return {
    run: work => inSpan(`process ${consumer} batch`, batch, () => withCauses(causes, work)),
    settle: async (message, settle) => {
      const span = spans.get(message)
      if (!span) return settle()
      try {
        return await context.with(trace.setSpan(context.active(), span), settle)
      }
      finally {
        end(message)
      }
    },
    fail: (error) => {
      for (const [message, span] of spans) {
        failSpan(span, error)
        end(message)
      }
    },
  }
}
