-- Up Migration
-- Typos are corrected against the words product names use, not against every name. Comparing the
-- search text with each name letter by letter (migrations/015) read hundreds of candidate names
-- through the trigram index and took 10 to 20 ms at 10,000 products; the names' distinct words are a
-- few hundred, so finding the known words close to each typed word takes well under a millisecond,
-- and the corrected words are then looked up by full text, in its own index. The way the PostgreSQL
-- manual suggests for pg_trgm with text search (https://www.postgresql.org/docs/15/pgtrgm.html).
create table catalog.search_words (
  word text primary key
);
create index search_words_trgm_idx on catalog.search_words using gin (word gin_trgm_ops);

-- The words of a folded text as search sees them: letters and digits, numbers left out (a typed
-- number is matched exactly, by full text).
create function catalog.words_of(text) returns setof text
  language sql immutable strict parallel safe
as $$
  select w from regexp_split_to_table($1, '[^[:alnum:]]+') w where w ~ '[^[:digit:]]' and char_length(w) between 2 and 40
$$;

-- Words are only ever added: one no name uses any more matches nothing and costs a row.
create or replace function catalog.products_search_columns() returns trigger language plpgsql as $$
begin
  new.search_name := catalog.fold(new.name);
  new.search_document :=
    setweight(to_tsvector('english', new.search_name), 'A') ||
    setweight(to_tsvector('english', catalog.fold(new.description)), 'B');
  insert into catalog.search_words (word) select catalog.words_of(new.search_name) on conflict do nothing;
  return new;
end
$$;

insert into catalog.search_words (word)
select distinct catalog.words_of(search_name) from catalog.products on conflict do nothing;

-- The search text with each word of three letters or more replaced by the known words close to it
-- (a typo: trigram similarity) or starting with it (a word still being typed), as a full-text query
-- that wants one of each word's alternatives. Null when a word has none: nothing is near that text.
create function catalog.near_words_query(q text) returns tsquery
  language sql stable
  set pg_trgm.similarity_threshold = 0.3
  set search_path = pg_catalog, public
as $$
  with typed as (
    select distinct w from catalog.words_of(catalog.fold(q)) w where char_length(w) >= 3
  ),
  alternatives as (
    select t.w, (select string_agg(v.word, ' | ') from catalog.search_words v where v.word % t.w or v.word like t.w || '%') as words
    from typed t
  )
  select case when count(*) > 0 and bool_and(words is not null)
              then to_tsquery('english', string_agg('(' || words || ')', ' & ')) end
  from alternatives
$$;

-- The products a search text matches: its words (full text), or the known words near them. Sequential
-- scans stay off, as in migrations/015: the planner may cost a scan of every product below the index.
create or replace function catalog.search_product_ids(q text) returns setof uuid
  language sql stable rows 200
  set enable_seqscan = off
  set search_path = pg_catalog, public
as $$
  select id from catalog.products where search_document @@ websearch_to_tsquery('english', catalog.fold(q))
  union
  select id from catalog.products where search_document @@ catalog.near_words_query(q)
$$;

drop index catalog.products_search_name_trgm_idx;

-- A GIN index keeps new entries in a pending list that every search reads in full until a vacuum
-- merges it: after 10,000 products were added, that tripled the time of a search. Products are
-- written by the admin, seldom, and a stock update leaves these columns alone, so entries go straight in.
alter index catalog.products_search_idx set (fastupdate = off);
alter index catalog.search_words_trgm_idx set (fastupdate = off);

-- Down Migration
alter index catalog.products_search_idx reset (fastupdate);
create index products_search_name_trgm_idx on catalog.products using gin (search_name gin_trgm_ops);
create or replace function catalog.search_product_ids(q text) returns setof uuid
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
drop function catalog.near_words_query(text);
create or replace function catalog.products_search_columns() returns trigger language plpgsql as $$
begin
  new.search_name := catalog.fold(new.name);
  new.search_document :=
    setweight(to_tsvector('english', new.search_name), 'A') ||
    setweight(to_tsvector('english', catalog.fold(new.description)), 'B');
  return new;
end
$$;
drop function catalog.words_of(text);
drop table catalog.search_words;
