-- A partner clinic's webhook subscriptions. Secrets are stored AES-GCM encrypted with notification.partner.secret-key
-- (iv || ciphertext || tag); no patient data lives here.
create table partner_subscription (
    subscription_id            uuid        primary key,
    partner_clinic_id          text        not null,
    url                        text        not null,
    -- the catalogue types subscribed to, sorted, separated by single spaces
    event_types                text        not null,
    description                text,
    alert_email                text,
    rate_limit_per_second      integer     not null check (rate_limit_per_second between 1 and 50),
    status                     text        not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason            text        check (disabled_reason in ('FAILING', 'ENDPOINT_GONE')),
    disabled_at                timestamptz,
    failing_since              timestamptz,
    -- the highest event number given to this subscription; the row is locked to give the next one
    last_sequence              bigint      not null default 0,
    secret                     bytea       not null,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz not null,
    check ((status = 'DISABLED') = (disabled_reason is not null and disabled_at is not null)),
    check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index partner_subscription_of_clinic on partner_subscription (partner_clinic_id, created_at);
