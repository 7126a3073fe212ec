-- When a notification became due to be sent: set when it is stored, moved by quiet hours and by a staff retry, but
-- not by a failed attempt's back-off, so that how long one has waited to be sent counts across its retries.
alter table notification add column due_at timestamptz;
update notification set due_at = next_attempt_at;
alter table notification alter column due_at set not null;
