-- the retention job deletes idempotency keys by age: without it every round would scan the whole table
create index idempotency_key_by_age on idempotency_key (created_at);
