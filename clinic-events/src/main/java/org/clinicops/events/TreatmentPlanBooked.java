package org.clinicops.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** session-service created a treatment plan and booked its whole induction series. */
public record TreatmentPlanBooked(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID screeningId,
        Protocol protocol,
        List<BookedSession> sessions) implements ClinicEvent {

    /** One booked session: its chair time runs from {@code start} to {@code end} (UTC). */
    public record BookedSession(UUID sessionId, int number, Instant start, Instant end, int chairId) {
    }
}
