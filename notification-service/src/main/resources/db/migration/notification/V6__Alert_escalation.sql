-- Alerts that page staff until one of them acknowledges (CLINICAL section 5 and D-6): a crisis screening pages the
-- on-call clinician, a D-6 safety alert the prescriber; unacknowledged after 10 minutes the second clinician is paged,
-- then both every 5 minutes. Each page is a notification whose source_event_id is the alert's id and whose
-- dedupe_key is '{alertId}/{step}/{role}', so the notification table's unique key makes every page exactly once.
create table escalation_alert (
    alert_id        uuid        primary key,
    kind            text        not null check (kind in ('CRISIS', 'SAFETY_ALERT')),
    patient_id      uuid        not null,
    -- the session of a D-6 alert; null for a crisis
    session_id      uuid,
    raised_at       timestamptz not null,
    -- what each page is written from (ids and times only), as the first page's content
    page_content    jsonb       not null,
    -- the next step of the chain not paged yet, and when it is due; next_page_at is null once acknowledged
    next_step       integer     not null check (next_step >= 0),
    next_page_at    timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    check ((acknowledged_by is null) = (acknowledged_at is null)),
    check ((acknowledged_at is null) = (next_page_at is not null))
);

-- the poller's queue: open alerts by the time their next page is due
create index escalation_alert_due on escalation_alert (next_page_at) where next_page_at is not null;
create index escalation_alert_raised on escalation_alert (raised_at);

-- the backup clinician, paged when a crisis is not acknowledged in time
alter table notification drop constraint notification_staff_role_check;
alter table notification add constraint notification_staff_role_check
    check (staff_role in ('ON_CALL', 'PRESCRIBER', 'BACKUP'));
