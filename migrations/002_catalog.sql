-- Up Migration
create schema if not exists catalog;

create table catalog.stores (
  id               uuid primary key default gen_random_uuid(),
  name             text not null check (char_length(name) between 1 and 120),
  location         text not null check (char_length(location) between 1 and 120),
  participating    boolean not null default false,
  confirm_delay_ms integer check (confirm_delay_ms between 0 and 600000),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);

create table catalog.products (
  id          uuid primary key default gen_random_uuid(),
  store_id    uuid not null references catalog.stores (id) on delete cascade,
  name        text not null check (char_length(name) between 1 and 120),
  description text not null default '' check (char_length(description) <= 2000),
  -- Units on hand. The CHECK is the last line of defence against overselling.
  stock       integer not null check (stock >= 0),
  price_cents integer not null check (price_cents >= 0),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create index products_store_id_idx on catalog.products (store_id, created_at);
create index stores_participating_idx on catalog.stores (participating) where participating;

-- Down Migration
drop schema catalog cascade;
