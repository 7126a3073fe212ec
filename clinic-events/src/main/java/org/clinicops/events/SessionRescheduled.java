package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled session was moved to another time (and perhaps chair), keeping its series' rules; its old chair time is
 * free again. Reminders for {@code previousStart} no longer apply.
 */
public record SessionRescheduled(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        Instant previousStart,
        Instant start,
        Instant end,
        int chairId) implements ClinicEvent {
}
