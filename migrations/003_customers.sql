-- Up Migration
create schema if not exists customers;

create table customers.customers (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (char_length(name) between 1 and 80),
  -- Stored normalized (digits with an optional leading +) so sign-ins compare one form.
  phone      text not null check (phone ~ '^\+?[0-9]{6,20}$'),
  created_at timestamptz not null default now()
);

create index customers_created_at_idx on customers.customers (created_at, id);

-- Down Migration
drop schema customers cascade;
