-- Referred patients. Contact details live here only: other services ask GET /internal/patients/{id}/contact.
create table patient (
    patient_id        uuid        primary key,
    first_name        text        not null,
    last_name         text        not null,
    date_of_birth     date        not null,
    sex_at_birth      text        check (sex_at_birth in ('FEMALE', 'MALE')),
    email             text,
    phone             text,
    consent_email     boolean     not null,
    consent_sms       boolean     not null,
    referral_source   text        not null check (referral_source in ('SELF', 'CLINICIAN', 'PARTNER_CLINIC')),
    partner_clinic_id text,
    registered_at     timestamptz not null,
    check (referral_source <> 'PARTNER_CLINIC' or partner_clinic_id is not null),
    check (not consent_email or email is not null),
    check (not consent_sms or phone is not null)
);

-- A screening as recorded: the answers given, the scores, and the outcome the rules of CLINICAL section 4 gave at
-- that moment (kept, not recomputed, so a later change of rules never rewrites what was decided).
create table screening (
    position      bigserial   not null unique,
    screening_id  uuid        primary key,
    patient_id    uuid        not null references patient (patient_id),
    indication    text        not null,
    screened_on   date        not null,
    recorded_at   timestamptz not null,
    baseline      boolean     not null,
    answers       jsonb       not null,
    scores        jsonb       not null,
    outcome       text        not null
                  check (outcome in ('ELIGIBLE', 'NEEDS_CLINICIAN_REVIEW', 'INELIGIBLE', 'CRISIS_ESCALATION')),
    reasons       jsonb       not null,
    findings      jsonb       not null,
    -- the clinician's review (CLINICAL section 5); null until decided
    decision      text        check (decision in ('APPROVED', 'DECLINED')),
    decided_by    text,
    decided_at    timestamptz,
    decision_note text
);
create index screening_by_patient on screening (patient_id, position);
-- CLINICAL D-9: a patient's first screening is the baseline, and there is only one
create unique index screening_one_baseline on screening (patient_id) where baseline;
create index screening_by_outcome on screening (outcome, position) where decision is null;

-- Idempotency-Key of a creating POST: the resource it created and a digest of the request that created it.
create table idempotency_key (
    operation      text        not null,
    key            text        not null,
    request_digest text        not null,
    resource_id    uuid        not null,
    created_at     timestamptz not null,
    primary key (operation, key)
);
