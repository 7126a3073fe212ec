package org.clinicops.session.schedule;

import org.clinicops.events.Protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * One session of a treatment plan in one chair: its chair time runs from {@code start} to {@code end}; the chair is
 * taken until {@code occupiedUntil} (end plus turnover).
 */
public record ScheduledSession(UUID sessionId, UUID planId, UUID patientId, Protocol protocol, int number,
                               int chairId, Instant start, Instant end, Instant occupiedUntil, SessionStatus status) {

    /** Whether the session counts in its series: it is to come, under way or done, not deferred, cancelled or missed. */
    public boolean countsInSeries() {
        return status != SessionStatus.DEFERRED && status != SessionStatus.CANCELLED && status != SessionStatus.NO_SHOW;
    }
}
