-- Up Migration
-- A product's pictures, in the admin's order (position 0 is the main one). width and height are
-- those of the largest stored rendition; widths lists every rendition kept.
create table catalog.product_images (
  id         uuid primary key default gen_random_uuid(),
  product_id uuid not null references catalog.products (id) on delete cascade,
  position   integer not null check (position >= 0),
  width      integer not null check (width > 0),
  height     integer not null check (height > 0),
  widths     integer[] not null check (cardinality(widths) > 0),
  created_at timestamptz not null default now()
);
create index product_images_product_idx on catalog.product_images (product_id, position);

-- The bytes of each rendition: the Postgres side of the ImageStore port
-- (server/modules/catalog/image-store.ts). Deleting an image, its product or its store removes them.
create table catalog.image_files (
  image_id uuid not null references catalog.product_images (id) on delete cascade,
  width    integer not null check (width > 0),
  format   text not null check (format in ('webp')),
  etag     text not null,
  bytes    bytea not null,
  primary key (image_id, width, format)
);
-- The bytes are already compressed: Postgres need not try again.
alter table catalog.image_files alter column bytes set storage external;

-- The cached shopping catalog carries each product's images: a change to them is a catalog change.
create trigger product_images_changed after insert or update or delete or truncate on catalog.product_images
  for each statement execute function catalog.notify_catalog_changed();

-- Down Migration
drop table catalog.image_files;
drop table catalog.product_images;
