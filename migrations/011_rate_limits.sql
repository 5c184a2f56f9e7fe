-- Up Migration
-- Rate-limit counters shared by every web process (rate-limiter-flexible's RateLimiterPostgres, which
-- is told the table exists: this is the shape it creates itself). One row per limiter and key, e.g.
-- `sign-in-address:203.0.113.7`; `expire` is epoch milliseconds, after which the row counts from zero.
-- Unlogged: counters need no WAL and no replica, and a database crash resetting them is harmless.
create unlogged table platform.rate_limits (
  key    varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);

-- Down Migration
drop table platform.rate_limits;
