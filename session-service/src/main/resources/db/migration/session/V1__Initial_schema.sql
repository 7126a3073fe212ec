create table treatment_plan (
    plan_id             uuid        primary key,
    patient_id          uuid        not null,
    screening_id        uuid        not null,
    protocol            text        not null,
    off_label           boolean     not null,
    status              text        not null,
    outcome_recorded_at timestamptz not null,
    created_at          timestamptz not null,
    -- a redelivered or re-sent outcome never makes a second plan
    constraint treatment_plan_one_per_screening unique (screening_id),
    constraint treatment_plan_one_per_patient unique (patient_id)
);

create table session (
    session_id     uuid        primary key,
    plan_id        uuid        not null references treatment_plan (plan_id),
    patient_id     uuid        not null,
    protocol       text        not null,
    number         int         not null check (number >= 1),
    chair_id       int         not null check (chair_id >= 1),
    start_at       timestamptz not null,
    end_at         timestamptz not null,
    -- end_at plus the clinic's turnover: the chair is taken for [start_at, occupied_until)
    occupied_until timestamptz not null,
    status         text        not null,
    constraint session_number_in_plan unique (plan_id, number),
    constraint session_times_in_order check (start_at < end_at and end_at <= occupied_until),
    -- No double booking, decided by the database (CLINICAL section 6): on one chair no two live sessions'
    -- [start, end + turnover) overlap. The chair is compared as a one-point range, since plain integer equality is
    -- not a GiST operator without the btree_gist extension.
    constraint session_chair_not_double_booked exclude using gist (
        int4range(chair_id, chair_id, '[]') with &&,
        tstzrange(start_at, occupied_until) with &&
    ) where (status <> 'CANCELLED')
);
create index session_by_start on session (start_at);
