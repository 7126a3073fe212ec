-- The Idempotency-Key of a POST: what it created or changed and a digest of the request. intake-service made this
-- table in its own migrations before clinic-support owned it, hence "if not exists".
create table if not exists idempotency_key (
    operation      text        not null,
    key            text        not null,
    request_digest text        not null,
    resource_id    uuid        not null,
    created_at     timestamptz not null,
    primary key (operation, key)
);
-- the retention job deletes by age: without it every round would scan the whole table
create index if not exists idempotency_key_by_age on idempotency_key (created_at);
