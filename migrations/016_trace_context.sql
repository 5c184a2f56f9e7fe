-- Up Migration
-- The W3C trace context (traceparent) of what wrote each outbox row, when tracing is on
-- (server/platform/tracing.ts): the relay sends it on in the message's headers, so a consumer
-- continues the trace. Null while tracing is off.
alter table platform.outbox add column traceparent text;

-- Down Migration
alter table platform.outbox drop column traceparent;
