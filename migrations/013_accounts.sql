-- Up Migration
-- Customer credentials. A password is hashed with scrypt (server/platform/passwords.ts). Accounts made
-- before passwords existed keep a null hash and cannot sign in until they set one with a one-time code.
alter table customers.customers add column password_hash text;

-- A phone names at most one account that can sign in; older accounts without a password may still
-- share one (a household), and the sign-in looks only at accounts with a password.
create unique index customers_phone_signs_in_idx on customers.customers (phone) where password_hash is not null;

-- One-time codes that prove a customer holds their phone: setting a first password, or a reset. One
-- live code per account (a new one replaces it); stored as a SHA-256 digest, never as typed; a few
-- wrong tries burn it.
create table customers.one_time_codes (
  customer_id   uuid primary key references customers.customers (id) on delete cascade,
  code_hash     text not null,
  attempts_left integer not null check (attempts_left >= 0),
  expires_at    timestamptz not null,
  created_at    timestamptz not null default now()
);

-- Passkeys (WebAuthn credentials): the id is the credential id (base64url), the public key is the
-- COSE key (base64url), the counter guards against cloned authenticators.
create table customers.passkeys (
  id           text primary key check (char_length(id) between 1 and 1024),
  customer_id  uuid not null references customers.customers (id) on delete cascade,
  public_key   text not null,
  counter      bigint not null check (counter >= 0),
  backed_up    boolean not null,
  transports   text[] not null default '{}',
  created_at   timestamptz not null default now(),
  last_used_at timestamptz
);

create index passkeys_customer_idx on customers.passkeys (customer_id, created_at);

-- A WebAuthn ceremony's challenge between its two requests (any replica may answer the second).
-- Single use: the second request deletes it. Registration challenges belong to the signed-in customer.
create table customers.passkey_challenges (
  attempt_id  text primary key,
  challenge   text not null,
  customer_id uuid references customers.customers (id) on delete cascade,
  expires_at  timestamptz not null
);

-- Server-side sessions of the admin and of customers. The sealed session cookie carries the id; a
-- request whose row is gone is signed out. In platform, not customers: the admin has sessions too
-- and is no customer. customer_id names a customers.customers row but has no foreign key, since a
-- module's tables never reference another's.
create table platform.sessions (
  id           uuid primary key default gen_random_uuid(),
  role         text not null check (role in ('admin', 'customer')),
  customer_id  uuid,
  created_at   timestamptz not null default now(),
  -- Written at most about once a minute per session (server/modules/sessions), for idle expiry.
  last_seen_at timestamptz not null default now(),
  check ((role = 'customer') = (customer_id is not null))
);

create index sessions_customer_idx on platform.sessions (customer_id) where customer_id is not null;
create index sessions_last_seen_idx on platform.sessions (last_seen_at);

-- Every replica keeps the sessions it checked in memory and drops one when its row is deleted: sign
-- out, sign out everywhere, a password change, expiry. The notification comes from the deleting
-- transaction, so it reaches every replica when that commits. The payload names the sessions, or is
-- '*' (drop everything) when there are too many for one notification (8,000 bytes).
-- The channel name is SESSIONS_ENDED_CHANNEL in server/modules/sessions.
create function platform.notify_sessions_ended() returns trigger language plpgsql as $$
declare
  ended text;
begin
  select case when count(*) > 150 then '*' else string_agg(id::text, ',') end into ended from gone;
  if ended is not null then
    perform pg_notify('plaza_sessions_ended', ended);
  end if;
  return null;
end
$$;

create trigger sessions_ended after delete on platform.sessions
  referencing old table as gone
  for each statement execute function platform.notify_sessions_ended();

-- Down Migration
drop trigger sessions_ended on platform.sessions;
drop function platform.notify_sessions_ended();
drop table platform.sessions;
drop table customers.passkey_challenges;
drop table customers.passkeys;
drop table customers.one_time_codes;
drop index customers.customers_phone_signs_in_idx;
alter table customers.customers drop column password_hash;
