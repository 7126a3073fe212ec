-- An attempt in flight holds its delivery until lease_until, automatic or manual alike, so that no other instance
-- attempts it meanwhile and a restart tries it again once the lease ends. A manual redelivery is queued in
-- manual_due_at until its attempt is recorded; it never touches the automatic schedule in next_attempt_at.
alter table partner_subscription_event
    add column lease_until   timestamptz,
    add column manual_due_at timestamptz;
create index partner_subscription_event_redelivery on partner_subscription_event (manual_due_at)
    where manual_due_at is not null;
