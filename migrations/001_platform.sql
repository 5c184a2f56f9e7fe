-- Up Migration
create schema if not exists platform;

-- Secrets that every replica must share when they are not configured: the session password and the
-- admin password hash. Written once (insert ... on conflict do nothing), read at start.
create table platform.settings (
  key        text primary key,
  value      text not null,
  created_at timestamptz not null default now()
);

-- Down Migration
drop schema platform cascade;
