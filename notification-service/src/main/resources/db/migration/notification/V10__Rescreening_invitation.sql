-- The re-screening invitation after the induction series (CLINICAL section 8, D-9).
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CALL_PATIENT_TASK', 'CRISIS_LINE_MESSAGE',
                    'SESSION_REMINDER', 'SAFETY_ALERT_PAGE', 'RESCHEDULE_NOTICE', 'CANCELLATION_NOTICE',
                    'MISSED_SESSION_FOLLOW_UP', 'DAY_AFTER_CHECK_IN', 'RESCREENING_INVITATION'));
