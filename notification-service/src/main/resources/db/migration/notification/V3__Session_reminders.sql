-- Reminders 48 h and 24 h before each booked session (CLINICAL section 8). One event now causes several
-- notifications of one kind, told apart by dedupe_key (session id and lead time); '' for kinds sent once per event.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CALL_PATIENT_TASK', 'CRISIS_LINE_MESSAGE',
                    'SESSION_REMINDER'));

alter table notification add column dedupe_key text not null default '';
alter table notification drop constraint notification_source_event_id_kind_key;
alter table notification add constraint notification_source_event_id_kind_dedupe_key_key
    unique (source_event_id, kind, dedupe_key);
