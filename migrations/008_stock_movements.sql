-- Up Migration
-- Every change the admin makes to a product's stock, as a signed amount: the initial count when the
-- product is added, then the difference each time a new count is set. With the reservations, it lets
-- the audit prove: stock = movements - reserved - committed.
create table catalog.stock_movements (
  id         bigserial primary key,
  product_id uuid not null references catalog.products (id) on delete cascade,
  delta      integer not null,
  created_at timestamptz not null default now()
);
create index stock_movements_product_idx on catalog.stock_movements (product_id);

insert into catalog.stock_movements (product_id, delta)
select p.id, p.stock + coalesce((select sum(r.quantity) from catalog.reservations r where r.product_id = p.id and r.status in ('reserved', 'committed')), 0)
from catalog.products p;

-- Down Migration
drop table catalog.stock_movements;
