-- Up Migration
-- Which worker process handled each message (consumers) and published each outbox row (relay):
-- PLAZA_WORKER_ID, or host name and pid. Several workers share the durable consumers and the outbox,
-- and these columns show each one's share and let an operator trace a message to the process that
-- handled it. Rows written before this migration have none.
alter table platform.inbox add column handled_by text;
alter table platform.outbox add column published_by text;

-- Down Migration
alter table platform.outbox drop column published_by;
alter table platform.inbox drop column handled_by;
