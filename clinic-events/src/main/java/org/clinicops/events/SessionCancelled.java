package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** A session was called off before dosing; its chair time is free again. */
public record SessionCancelled(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        CancellationReason reason,
        Instant cancelledAt) implements ClinicEvent {
}
