-- A message to send: stored in the transaction that consumed the event causing it, sent afterwards by the
-- dispatcher. No contact details and no message text: only ids and the non-PHI data its template needs (content).
create table notification (
    notification_id uuid        primary key,
    patient_id      uuid        not null,
    kind            text        not null check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CRISIS_LINE_MESSAGE')),
    channel         text        not null check (channel in ('EMAIL')),
    status          text        not null check (status in ('PENDING', 'SENT', 'SKIPPED_NO_CONSENT', 'FAILED')),
    -- lower goes first: crisis pages, then crisis-line messages, then routine mail
    priority        smallint    not null,
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    source_event_id uuid        not null,
    correlation_id  text,
    content         jsonb       not null,
    -- one notification of a kind per event, however often the event is delivered
    unique (source_event_id, kind),
    check ((status = 'SENT') = (sent_at is not null))
);

-- the dispatcher's queue: due pending notifications, most urgent first
create index notification_due on notification (priority, next_attempt_at) where status = 'PENDING';
create index notification_of_patient on notification (patient_id, created_at desc);
