-- CLINICAL D-9: a PHQ-9 taken before a session as a progress measure. It does not re-run eligibility; its change from
-- the baseline screening's PHQ-9 is kept as computed when it was recorded, and a positive item 9 (S-1) escalates.
create table progress_measure (
    measure_id            uuid        primary key,
    patient_id            uuid        not null references patient (patient_id),
    session_id            uuid,
    phq9_items            int[]       not null check (cardinality(phq9_items) = 9),
    phq9_total            int         not null check (phq9_total between 0 and 27),
    baseline_screening_id uuid        references screening (screening_id),
    phq9_change           int,
    response              boolean,
    remission             boolean,
    crisis                boolean     not null,
    recorded_by           text        not null,
    recorded_at           timestamptz not null
);
create index progress_measure_by_patient on progress_measure (patient_id, recorded_at);
