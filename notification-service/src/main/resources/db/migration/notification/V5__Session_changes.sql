-- Every message of the course on the event that causes it (CLINICAL section 8): changes, cancellations, the day-after
-- check-in, the missed-session follow-up and the D-6 safety-alert page to the prescriber.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CALL_PATIENT_TASK', 'CRISIS_LINE_MESSAGE',
                    'SESSION_REMINDER', 'SAFETY_ALERT_PAGE', 'RESCHEDULE_NOTICE', 'CANCELLATION_NOTICE',
                    'MISSED_SESSION_FOLLOW_UP', 'DAY_AFTER_CHECK_IN'));

-- a reminder of a session moved or called off is kept, marked as not sent on purpose, with the reason
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'SENT', 'SKIPPED_NO_CONSENT', 'FAILED', 'SUPPRESSED'));

-- whom a staff message goes to (the address is read from the settings when it is sent); null for patients
alter table notification add column staff_role text check (staff_role in ('ON_CALL', 'PRESCRIBER'));
update notification set staff_role = 'ON_CALL' where kind in ('CRISIS_PAGE', 'CALL_PATIENT_TASK');

-- Each session as the events on clinic.sessions told it, so a change finds the session's time and protocol and a
-- late or replayed event finds what was already known. No PHI: ids, a number, a code and times.
create table patient_session (
    session_id uuid        primary key,
    patient_id uuid        not null,
    plan_id    uuid        not null,
    number     integer     not null,
    -- null while only events without them were seen (a cancellation before its booking, say)
    protocol   text,
    start_at   timestamptz,
    end_at     timestamptz,
    -- occurredAt of the event the times are from: an older event never overwrites them
    times_at   timestamptz,
    status     text        not null check (status in ('SCHEDULED', 'CANCELLED', 'DEFERRED', 'NO_SHOW', 'DISCHARGED')),
    -- the patient was sent a confirmation with it (its series' or its own as a make-up)
    confirmed  boolean     not null
);
create index patient_session_of_plan on patient_session (plan_id) where confirmed;
