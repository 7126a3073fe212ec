-- A task for the on-call clinician to call a patient in crisis whom the crisis-line message cannot reach.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CALL_PATIENT_TASK', 'CRISIS_LINE_MESSAGE'));
