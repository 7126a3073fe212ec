-- A deferred, cancelled or missed induction session is made up by a new session of the same number (CLINICAL D-2):
-- the number is unique among the plan's sessions that still count, not among all of them.
alter table session drop constraint session_number_in_plan;
create unique index session_number_in_plan on session (plan_id, number)
    where status not in ('CANCELLED', 'DEFERRED', 'NO_SHOW');
-- the session a rebooked one makes up for
alter table session add column makes_up_for uuid references session (session_id);
