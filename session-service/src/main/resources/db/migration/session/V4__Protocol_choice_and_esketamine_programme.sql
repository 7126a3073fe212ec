-- The prescriber chooses the protocol of an indication without a default (CLINICAL section 6): such a plan waits
-- without one, and so without an off-label flag, until the choice.
alter table treatment_plan alter column protocol drop not null;
alter table treatment_plan alter column off_label drop not null;
alter table treatment_plan add constraint treatment_plan_protocol_unless_waiting
    check ((protocol is null) = (status = 'WAITING_FOR_PROTOCOL') and (off_label is null) = (protocol is null));
-- what the screening was for, which decides off-label use when the protocol changes; null for earlier plans
alter table treatment_plan add column indication text;
-- who chose the protocol and when; null for a default protocol
alter table treatment_plan add column protocol_chosen_by text;
alter table treatment_plan add column protocol_chosen_at timestamptz;
alter table treatment_plan add constraint treatment_plan_choice_whole
    check ((protocol_chosen_by is null) = (protocol_chosen_at is null));

-- Esketamine's restricted programme: the patient's enrollment, needed before an esketamine session checks in ...
alter table treatment_plan add column esketamine_enrolled_on date;
alter table treatment_plan add column esketamine_enrolled_by text;
alter table treatment_plan add column esketamine_enrollment_recorded_at timestamptz;
alter table treatment_plan add constraint treatment_plan_enrollment_whole
    check ((esketamine_enrolled_on is null) = (esketamine_enrolled_by is null)
       and (esketamine_enrolled_on is null) = (esketamine_enrollment_recorded_at is null));

-- ... and the monitoring form due after each discharge from an esketamine session, made in the discharge's
-- transaction, until staff mark it submitted.
create table monitoring_form (
    session_id    uuid        primary key references session (session_id),
    plan_id       uuid        not null references treatment_plan (plan_id),
    patient_id    uuid        not null,
    number        int         not null check (number >= 1),
    discharged_at timestamptz not null,
    submitted_at  timestamptz,
    submitted_by  text,
    constraint monitoring_form_submission_whole check ((submitted_at is null) = (submitted_by is null))
);
create index monitoring_form_due on monitoring_form (discharged_at) where submitted_at is null;
