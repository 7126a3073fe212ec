package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every published event has: its own id (the CloudEvents {@code ce_id}, the key consumers deduplicate on),
 * the moment it happened, and the patient it concerns (the Kafka key, so one patient's events stay in order).
 */
public interface ClinicEvent {

    UUID eventId();

    Instant occurredAt();

    UUID patientId();
}
