-- A reminder is worth sending only until the next one is due or the session starts: one that waited past that
-- (intake-service or the mail server down) is closed as FAILED instead of arriving late and confusing the patient.
alter table notification add column expires_at timestamptz;
create index notification_expiring on notification (expires_at) where status = 'PENDING' and expires_at is not null;
