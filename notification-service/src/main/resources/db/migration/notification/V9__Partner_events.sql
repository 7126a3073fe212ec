-- Partner clinics' status stream. Source events are taken in as received, with only what a partner may learn
-- (the mapped status, a session count and first date, a completed count), then recorded for the referring clinic
-- once intake-service has told which clinic that is.
create table partner_source_event (
    position        bigserial   primary key,
    source_event_id uuid        not null,
    type            text        not null check (type in ('patient.status_changed', 'induction.booked',
                                                         'induction.waiting_for_capacity', 'session.completed')),
    patient_id      uuid        not null,
    occurred_at     timestamptz not null,
    -- the type's data members other than patientId, partnerReference and previousStatus
    data            jsonb       not null,
    received_at     timestamptz not null,
    -- set once recorded for the referring clinic, or found to concern no partner
    settled_at      timestamptz,
    -- set once the ops alert for a long causal wait was raised
    wait_alerted_at timestamptz,
    unique (source_event_id, type)
);
create index partner_source_event_unsettled on partner_source_event (position) where settled_at is null;

-- Sessions discharged per plan, to count a plan's completed sessions (ids only).
create table partner_completed_session (
    plan_id    uuid not null,
    session_id uuid not null,
    primary key (plan_id, session_id)
);

-- Which partner clinic referred a patient, as intake-service answered (it never changes); a null clinic means no
-- partner follows the patient.
create table partner_attribution (
    patient_id        uuid        primary key,
    partner_clinic_id text,
    partner_reference text,
    resolved_at       timestamptz not null
);

-- The last partner-visible status recorded per clinic and patient, and whether ACCEPTED was ever recorded
-- (induction and session events wait for it).
create table partner_patient_status (
    partner_clinic_id text    not null,
    patient_id        uuid    not null,
    status            text    not null,
    accepted          boolean not null,
    primary key (partner_clinic_id, patient_id)
);

-- One partner event per clinic and source event and type: the id partners deduplicate on.
create table partner_event (
    event_id          uuid        primary key,
    partner_clinic_id text        not null,
    source_event_id   uuid        not null,
    type              text        not null,
    patient_id        uuid        not null,
    occurred_at       timestamptz not null,
    created_at        timestamptz not null,
    unique (partner_clinic_id, source_event_id, type)
);
create index partner_event_created on partner_event (created_at);

-- A partner event as numbered for one subscription, with the exact envelope delivered and shown by catch-up.
create table partner_subscription_event (
    subscription_id  uuid        not null references partner_subscription (subscription_id) on delete cascade,
    sequence         bigint      not null,
    event_id         uuid        not null references partner_event (event_id) on delete cascade,
    patient_id       uuid        not null,
    patient_sequence bigint      not null,
    envelope         text        not null,
    created_at       timestamptz not null,
    primary key (subscription_id, sequence),
    unique (subscription_id, event_id),
    unique (subscription_id, patient_id, patient_sequence)
);
create index partner_subscription_event_created on partner_subscription_event (created_at);

-- Each subscription's last number per patient; its row is locked to give the next one.
create table partner_patient_sequence (
    subscription_id uuid   not null references partner_subscription (subscription_id) on delete cascade,
    patient_id      uuid   not null,
    last_sequence   bigint not null,
    primary key (subscription_id, patient_id)
);
