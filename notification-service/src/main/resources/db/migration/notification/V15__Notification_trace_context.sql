-- the W3C traceparent of the event that caused the notification: its delivery is a span of that trace
alter table notification add column traceparent text;
