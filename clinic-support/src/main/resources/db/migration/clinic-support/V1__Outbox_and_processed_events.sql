create table outbox_event (
    position       bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    message_key    text        not null,
    event_type     text        not null,
    subject        text        not null,
    occurred_at    timestamptz not null,
    correlation_id text,
    payload        text        not null,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
-- the retention job deletes by age: without these it would scan the whole table every round
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
create index processed_event_by_age on processed_event (processed_at);
