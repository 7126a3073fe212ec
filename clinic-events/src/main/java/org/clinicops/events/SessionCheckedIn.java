package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** A patient was checked in for a session: consent, escort and fasting confirmed (CLINICAL D-1). */
public record SessionCheckedIn(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        Instant checkedInAt) implements ClinicEvent {
}
