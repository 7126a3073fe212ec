package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** A session was booked into an infusion chair; {@code start} to {@code end} is its whole chair time (UTC). */
public record SessionScheduled(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID sessionId,
        UUID planId,
        Protocol protocol,
        int number,
        Instant start,
        Instant end,
        int chairId) implements ClinicEvent {
}
