-- The course after the induction series (CLINICAL D-9): the re-screening due within 7 days of the last induction
-- session's discharge, the re-screening that decided what follows, the clinician's review of a plan without a
-- response, the prescriber's booster interval for maintenance, and the closing of a plan.
alter table treatment_plan add column rescreening_due_by date;
alter table treatment_plan add column rescreening_id uuid;
alter table treatment_plan add column rescreening_response boolean;
alter table treatment_plan add constraint treatment_plan_rescreening_whole
    check ((rescreening_id is null) = (rescreening_response is null));

alter table treatment_plan add column reviewed_by text;
alter table treatment_plan add column reviewed_at timestamptz;
alter table treatment_plan add column review_decision text;
alter table treatment_plan add constraint treatment_plan_review_whole
    check ((reviewed_by is null) = (reviewed_at is null) and (reviewed_by is null) = (review_decision is null));

alter table treatment_plan add column booster_interval_weeks int check (booster_interval_weeks between 1 and 6);
alter table treatment_plan add column booster_interval_set_by text;
alter table treatment_plan add constraint treatment_plan_booster_whole
    check ((booster_interval_weeks is null) = (booster_interval_set_by is null));

alter table treatment_plan add column closed_at timestamptz;
alter table treatment_plan add column closed_by text;
alter table treatment_plan add column close_reason text;
alter table treatment_plan add constraint treatment_plan_closure_whole
    check ((closed_at is null) = (closed_by is null) and (closed_at is null) = (close_reason is null)
       and (closed_at is null) = (status <> 'CLOSED'));
