-- the W3C traceparent of the transaction that stored the event, sent with it so its consumer continues that trace
alter table outbox_event add column traceparent text;
