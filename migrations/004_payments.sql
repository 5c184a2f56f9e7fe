-- Up Migration
create schema if not exists payments;

-- Mock payment authorizations. An authorization funds at most one order: the payments consumer
-- claims it with a conditional update when the order is placed, and voids or captures it later.
create table payments.authorizations (
  id           uuid primary key default gen_random_uuid(),
  -- A customer of the customers module; modules own their schemas, so no foreign key across them.
  customer_id  uuid not null,
  amount_cents integer not null check (amount_cents > 0 and amount_cents <= 10000000),
  status       text not null default 'authorized' check (status in ('authorized', 'captured', 'voided')),
  order_id     uuid unique,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create index authorizations_customer_id_idx on payments.authorizations (customer_id, created_at);

-- Down Migration
drop schema payments cascade;
