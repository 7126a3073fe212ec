package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** A dosed patient was discharged after observation (CLINICAL D-8). */
public record SessionDischarged(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        Instant dischargedAt) implements ClinicEvent {
}
