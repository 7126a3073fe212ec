-- Any clinician may decide a review, so the stated role is optional; an override still needs a PRESCRIBER
-- (CLINICAL section 5).
alter table screening drop constraint screening_decided_in_full;
alter table screening
    add constraint screening_decided_in_full check (
        (decision is null) = (decided_by is null)
        and (decision is null) = (decided_at is null)
        and (decision is null) = (decision_note is null)
        and (decided_by_role is null or decision is not null)),
    add constraint screening_override_by_a_prescriber check (override_reason is null or decided_by_role = 'PRESCRIBER');
