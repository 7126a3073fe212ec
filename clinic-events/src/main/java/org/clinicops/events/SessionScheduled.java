package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A session was booked into an infusion chair; {@code start} to {@code end} is its whole chair time (UTC).
 *
 * @param booster true for a maintenance booster after the induction series (CLINICAL D-9); false for a session of
 *                the series or one made up for it (also when absent: producers that predate boosters)
 */
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
        int chairId,
        Boolean booster) implements ClinicEvent {

    public SessionScheduled {
        booster = Boolean.TRUE.equals(booster);
    }

    /** A session of the induction series, or one made up for it. */
    public SessionScheduled(UUID eventId, Instant occurredAt, UUID patientId, UUID sessionId, UUID planId,
                            Protocol protocol, int number, Instant start, Instant end, int chairId) {
        this(eventId, occurredAt, patientId, sessionId, planId, protocol, number, start, end, chairId, false);
    }
}
