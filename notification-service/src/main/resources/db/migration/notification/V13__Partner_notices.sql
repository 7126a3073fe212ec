-- Notices to a partner clinic's alertEmail and the ops address about a failing webhook subscription: e-mails about no
-- patient, each to an address of its own rather than a staff role's.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('BOOKING_CONFIRMATION', 'CRISIS_PAGE', 'CALL_PATIENT_TASK', 'CRISIS_LINE_MESSAGE',
                    'SESSION_REMINDER', 'SAFETY_ALERT_PAGE', 'RESCHEDULE_NOTICE', 'CANCELLATION_NOTICE',
                    'MISSED_SESSION_FOLLOW_UP', 'DAY_AFTER_CHECK_IN', 'RESCREENING_INVITATION', 'PARTNER_NOTICE'));
alter table notification alter column patient_id drop not null;
alter table notification add column address text;

-- When the owner was last told of each kind (at most one notice of a kind a day), and the first delivery FAILED since
-- the last success (only that one is told).
alter table partner_subscription
    add column failed_delivery_at    timestamptz,
    add column failed_notice_at      timestamptz,
    add column disabled_notice_at    timestamptz;
