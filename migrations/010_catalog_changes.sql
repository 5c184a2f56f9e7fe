-- Up Migration
-- Web processes keep the shopping catalog in memory and drop it when the catalog changes. Every
-- statement that writes stores or products (admin edits, and the worker taking or giving back stock)
-- notifies, from its own transaction, so the notification arrives at every replica once it commits.
-- Postgres folds identical notifications of one transaction into one, so a batch of reservations
-- sends a single one. The channel name is CATALOG_CHANGED_CHANNEL in server/modules/catalog.
create function catalog.notify_catalog_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('plaza_catalog_changed', '');
  return null;
end
$$;

create trigger stores_changed after insert or update or delete or truncate on catalog.stores
  for each statement execute function catalog.notify_catalog_changed();
create trigger products_changed after insert or update or delete or truncate on catalog.products
  for each statement execute function catalog.notify_catalog_changed();

-- Down Migration
drop trigger products_changed on catalog.products;
drop trigger stores_changed on catalog.stores;
drop function catalog.notify_catalog_changed();
