-- Texts beside e-mail (CLINICAL section 8): a patient message is one row per channel, so each channel shows its own
-- status, and still exactly one per cause and channel however often the event is delivered.
alter table notification drop constraint notification_channel_check;
alter table notification add constraint notification_channel_check check (channel in ('EMAIL', 'SMS'));
alter table notification drop constraint notification_source_event_id_kind_dedupe_key_key;
alter table notification add constraint notification_one_per_cause_and_channel
    unique (source_event_id, kind, dedupe_key, channel);

-- HELD: a text due in quiet hours waits, with next_attempt_at the end of the quiet hours
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'HELD', 'SENT', 'SKIPPED_NO_CONSENT', 'FAILED', 'SUPPRESSED'));

drop index notification_due;
create index notification_due on notification (priority, next_attempt_at) where status in ('PENDING', 'HELD');
drop index notification_expiring;
create index notification_expiring on notification (expires_at)
    where status in ('PENDING', 'HELD') and expires_at is not null;
