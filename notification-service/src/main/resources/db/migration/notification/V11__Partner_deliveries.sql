-- Webhook delivery: one delivery per subscription event, kept on its row, and a log of every attempt. A delivery is
-- due while PENDING and its next attempt time has come; a patient's next one waits until the one before is settled.
alter table partner_subscription_event
    add column delivery_id        uuid        not null default gen_random_uuid() unique,
    add column status             text        not null default 'PENDING'
        check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    add column attempts           integer     not null default 0,
    -- the automatic attempts among them (at most the schedule's), which alone count towards FAILED
    add column automatic_attempts integer     not null default 0,
    add column last_attempt_at    timestamptz,
    add column last_response_code integer,
    add column last_error         text
        check (last_error in ('HTTP_STATUS', 'TIMEOUT', 'CONNECTION', 'DNS', 'TLS', 'TARGET_NOT_ALLOWED')),
    add column next_attempt_at    timestamptz,
    add column settled_at         timestamptz;
-- events recorded before delivery existed: due now, or skipped when their subscription is disabled
update partner_subscription_event e
   set next_attempt_at = case when s.status = 'ACTIVE' then e.created_at end,
       status = case when s.status = 'ACTIVE' then 'PENDING' else 'SKIPPED' end,
       settled_at = case when s.status = 'ACTIVE' then null else e.created_at end
  from partner_subscription s
 where s.subscription_id = e.subscription_id;
alter table partner_subscription_event
    add check ((status = 'PENDING') = (next_attempt_at is not null)),
    add check ((status = 'PENDING') = (settled_at is null));
create index partner_subscription_event_due on partner_subscription_event (next_attempt_at)
    where status = 'PENDING';

-- A 429 or 503 with Retry-After pauses the whole subscription until then.
alter table partner_subscription add column paused_until timestamptz;

create table partner_delivery_attempt (
    delivery_id   uuid        not null references partner_subscription_event (delivery_id) on delete cascade,
    number        integer     not null,
    at            timestamptz not null,
    response_code integer,
    error         text,
    duration_ms   bigint      not null,
    manual        boolean     not null,
    primary key (delivery_id, number)
);
