-- Up Migration
create schema if not exists ordering;

-- The source of truth for orders: an append-only stream per order. Never updated, never deleted.
create table ordering.order_events (
  position         bigserial primary key,
  order_id         uuid not null,
  version          integer not null check (version >= 1),
  type             text not null,
  data             jsonb not null,
  message_id       uuid not null unique default gen_random_uuid(),
  -- What caused it: the message handled (null for an HTTP command), by which consumer, on which delivery.
  causation_id     uuid,
  consumer         text,
  delivery_attempt integer,
  created_at       timestamptz not null default now(),
  unique (order_id, version)
);
create index order_events_created_idx on ordering.order_events (created_at desc);

create or replace function ordering.refuse_history_change() returns trigger language plpgsql as $$
begin
  raise exception 'ordering.order_events is append-only';
end $$;
create trigger order_events_append_only before update or delete on ordering.order_events
  for each row execute function ordering.refuse_history_change();

-- Read model: the latest state of each order, written in the same transaction as its events and
-- rebuildable from them.
create table ordering.orders (
  id              uuid primary key,
  customer_id     uuid not null,
  payment_id      uuid not null unique,
  status          text not null,
  payment_status  text not null,
  stores_status   text not null,
  store_statuses  jsonb not null,
  lines           jsonb not null,
  total_cents     bigint not null,
  rejection       jsonb,
  version         integer not null,
  idempotency_key text,
  placed_at       timestamptz not null,
  updated_at      timestamptz not null,
  deadline_at     timestamptz not null,
  unique (customer_id, idempotency_key)
);
create index orders_customer_idx on ordering.orders (customer_id, placed_at desc);
create index orders_status_idx on ordering.orders (status, placed_at desc);
create index orders_placed_idx on ordering.orders (placed_at desc);
create index orders_pending_deadline_idx on ordering.orders (deadline_at) where status = 'pending';

-- Down Migration
drop schema ordering cascade;
