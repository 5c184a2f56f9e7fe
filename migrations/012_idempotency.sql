-- Up Migration
-- The fingerprint of the request that placed an order under an Idempotency-Key (a digest of its
-- payment and merged basket): a retry with the same key and body replays the order, the same key with
-- another body is refused (422). Orders placed before this migration have none and replay as before.
-- A key expires PLAZA_IDEMPOTENCY_KEY_TTL_SECONDS after its order was placed; reusing it then clears
-- it (and this column) from the old order, so UNIQUE (customer_id, idempotency_key) lets the new one in.
alter table ordering.orders add column idempotency_fingerprint text;

-- Down Migration
alter table ordering.orders drop column idempotency_fingerprint;
