-- Up Migration
-- The W3C trace context (traceparent) of what wrote each outbox row, when tracing is on
-- (server/platform/tracing.ts): the relay sends it on in the message's headers, so a consumer
-- continues the trace. An order keeps the context of the request that placed it, so paying or
-- cancelling it later continues the same trace. Null while tracing is off.
alter table platform.outbox add column traceparent text;
alter table ordering.orders add column traceparent text;

-- Down Migration
alter table ordering.orders drop column traceparent;
alter table platform.outbox drop column traceparent;
