-- Up Migration
-- Transactional outbox: a state change and the messages it publishes commit together; the relay
-- publishes each row to JetStream with Nats-Msg-Id = id and then marks it published.
create table platform.outbox (
  position     bigserial primary key,
  id           uuid not null unique,
  subject      text not null,
  payload      jsonb not null,
  created_at   timestamptz not null default now(),
  published_at timestamptz
);
create index outbox_unpublished_idx on platform.outbox (position) where published_at is null;

-- Inbox: one row per (consumer, message) handled, written in the same transaction as the effect,
-- so a redelivered message changes nothing.
create table platform.inbox (
  consumer     text not null,
  message_id   uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, message_id)
);

-- Messages a consumer gave up on: unparseable, schema-invalid, unknown order, or past max deliveries.
create table platform.dead_letters (
  id          uuid primary key default gen_random_uuid(),
  consumer    text not null,
  subject     text not null,
  message_id  text,
  payload     text not null,
  reason      text not null,
  deliveries  integer not null default 1,
  created_at  timestamptz not null default now(),
  redriven_at timestamptz
);
create index dead_letters_open_idx on platform.dead_letters (created_at desc) where redriven_at is null;

-- Down Migration
drop table platform.dead_letters;
drop table platform.inbox;
drop table platform.outbox;
