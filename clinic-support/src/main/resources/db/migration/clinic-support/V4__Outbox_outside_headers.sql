-- The exact headers of a message for readers outside clinic-ops (a partner clinic's topic), a JSON object of UTF-8
-- values in the order sent; the relay then adds none of its own. Null for every internal event.
alter table outbox_event add column headers text;
