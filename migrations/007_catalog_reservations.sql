-- Up Migration
-- Units held for an order: taken from stock when a store confirms, given back on rejection, cancel
-- or timeout, and kept for good on pay.
create table catalog.reservations (
  order_id   uuid not null,
  product_id uuid not null,
  store_id   uuid not null,
  quantity   integer not null check (quantity > 0),
  status     text not null check (status in ('reserved', 'released', 'committed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (order_id, product_id)
);
create index reservations_product_idx on catalog.reservations (product_id) where status = 'reserved';

-- Orders that ended before every store answered: a late reservation request for them is ignored.
create table catalog.closed_orders (
  order_id  uuid primary key,
  closed_at timestamptz not null default now()
);

-- Down Migration
drop table catalog.closed_orders;
drop table catalog.reservations;
