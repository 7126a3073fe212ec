package org.clinicops.support.outbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.UUID;

/**
 * A message for readers outside clinic-ops, such as a partner clinic's own topic. {@link OutboxRelay} sends it with
 * exactly {@link #headers()} and adds none of its own: the correlation id and the trace context it puts on every
 * internal event name internal requests, and stay inside.
 *
 * @param id         unique among the outbox's messages, as an event id is
 * @param key        the record key, sent as UTF-8
 * @param type       what the message is, kept in the outbox to look into what was sent
 * @param subject    what it is about, kept likewise
 * @param storedAt   when it was stored, on the service's clock: the outbox's age gauge counts from it
 * @param headers    every header of the record, sent as UTF-8 in this order
 * @param value      the record value, sent as UTF-8
 */
public record OutsideMessage(UUID id, String topic, String key, String type, String subject, Instant storedAt,
                             SequencedMap<String, String> headers, String value) {

    public OutsideMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(value, "value");
        headers.forEach((name, text) -> Objects.requireNonNull(text, name));
        headers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(headers));
    }
}
