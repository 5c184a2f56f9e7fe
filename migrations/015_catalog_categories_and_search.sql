-- Up Migration
-- Mall-wide categories, and a catalog that is searched in the database rather than in the browser:
-- full-text search with ranking (a product's name weighs more than its description), trigram
-- similarity on names so that a typo still finds the product, and accents ignored on both sides.
-- Both extensions are "trusted" (PostgreSQL 13+): a database owner may create them.
create extension if not exists pg_trgm with schema public;
create extension if not exists unaccent with schema public;

-- unaccent() is only STABLE (its dictionary could be edited), so an index cannot use it. This wrapper
-- names the dictionary, is declared IMMUTABLE, and with a SQL-standard body binds both at creation:
-- the usual way to index unaccented text (https://www.postgresql.org/docs/15/unaccent.html).
create function catalog.fold(text) returns text
  language sql immutable strict parallel safe
  return lower(public.unaccent('public.unaccent'::regdictionary, $1));

create table catalog.categories (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (char_length(name) between 1 and 60),
  slug       text not null unique check (char_length(slug) between 1 and 80),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- "Tea" and "tea" are the same category to a shopper.
create unique index categories_name_key on catalog.categories (lower(name));

alter table catalog.products add column category_id uuid references catalog.categories (id) on delete set null;
create index products_category_id_idx on catalog.products (category_id);

-- What search reads, kept by a trigger that fires only when name or description are written, not as
-- generated columns: PostgreSQL recomputes a stored generated column on every update, and the worker
-- updates stock on every order. search_name is the folded name that trigram similarity compares,
-- stored so that checking a candidate row does not run unaccent again.
alter table catalog.products add column search_document tsvector not null default ''::tsvector;
alter table catalog.products add column search_name text not null default '';

create function catalog.products_search_columns() returns trigger language plpgsql as $$
begin
  new.search_name := catalog.fold(new.name);
  new.search_document :=
    setweight(to_tsvector('english', new.search_name), 'A') ||
    setweight(to_tsvector('english', catalog.fold(new.description)), 'B');
  return new;
end
$$;

create trigger products_search_columns before insert or update of name, description on catalog.products
  for each row execute function catalog.products_search_columns();

update catalog.products set name = name;

create index products_search_idx on catalog.products using gin (search_document);
create index products_search_name_trgm_idx on catalog.products using gin (search_name gin_trgm_ops);
-- The products a search text matches: its words (full text), or a name with a word close to it letter
-- by letter (pg_trgm: a typo, strict word similarity; a prefix still being typed, word similarity).
-- One branch per index, planned with sequential scans off: costing these operators, the planner does
-- not see how dear a similarity is per row, and reading every product instead was 150 ms rather than
-- 15 at 10,000 products. A function with SET clauses is planned with them, and never inlined.
create function catalog.search_product_ids(q text) returns setof uuid
  language sql stable rows 200
  set enable_seqscan = off
  set search_path = pg_catalog, public
as $$
  select id from catalog.products where search_document @@ websearch_to_tsquery('english', catalog.fold(q))
  union
  select id from catalog.products where catalog.fold(q) <% search_name
  union
  select id from catalog.products where catalog.fold(q) <<% search_name
$$;

-- The shopping page's keyset orders: by name, and by price either way (each with id as the tiebreak).
create index products_name_id_idx on catalog.products (name, id);
create index products_price_id_idx on catalog.products (price_cents, id);

-- A renamed or removed category changes what the cached catalog shows (migrations/010).
create trigger categories_changed after insert or update or delete or truncate on catalog.categories
  for each statement execute function catalog.notify_catalog_changed();

-- Down Migration
drop trigger categories_changed on catalog.categories;
drop index catalog.products_price_id_idx;
drop index catalog.products_name_id_idx;
drop function catalog.search_product_ids(text);
drop index catalog.products_search_name_trgm_idx;
drop index catalog.products_search_idx;
drop trigger products_search_columns on catalog.products;
drop function catalog.products_search_columns();
alter table catalog.products drop column search_name;
alter table catalog.products drop column search_document;
alter table catalog.products drop column category_id;
drop table catalog.categories;
drop function catalog.fold(text);
