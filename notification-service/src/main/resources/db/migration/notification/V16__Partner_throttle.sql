-- The webhook throttle, held across instances: the requests each subscription started lately, written by the claim
-- under the subscription's row lock and counted against its rate_limit_per_second. Its requests in flight are its
-- unexpired leases, so an instance that stops frees its share when its leases end.
create table partner_webhook_start (
    subscription_id uuid        not null references partner_subscription (subscription_id) on delete cascade,
    started_at      timestamptz not null
);
create index partner_webhook_start_of_subscription on partner_webhook_start (subscription_id, started_at);
create index partner_subscription_event_leased on partner_subscription_event (subscription_id, lease_until)
    where lease_until is not null;

-- After a 429, 502, 503 or 504 the subscription gets one request in flight until its next 2xx.
alter table partner_subscription add column one_in_flight boolean not null default false;
