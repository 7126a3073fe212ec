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

create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
