package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every published event has: its own id (the CloudEvents {@code ce_id}, the key consumers deduplicate on), the
 * moment it happened, and its Kafka key, which decides what stays in order with what.
 */
public interface PublishedEvent {

    UUID eventId();

    Instant occurredAt();

    String key();
}
