package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** The patient did not come to a session. */
public record SessionNoShow(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        Instant recordedAt) implements ClinicEvent {
}
