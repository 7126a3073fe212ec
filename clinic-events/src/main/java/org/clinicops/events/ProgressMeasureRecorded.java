package org.clinicops.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * intake-service recorded a PHQ-9 progress measure before a session (CLINICAL D-9). It does not re-run eligibility,
 * but a positive item 9 (S-1) still escalates: {@code crisis} is then true and notification-service pages as for a
 * crisis screening. The score stays in intake-service.
 *
 * @param sessionId the session it was taken before; null when not tied to one
 * @param reasons   rule codes: {@code PHQ9_ITEM9_POSITIVE} on a crisis, else empty
 */
public record ProgressMeasureRecorded(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID measureId,
        UUID sessionId,
        boolean crisis,
        List<String> reasons) implements ClinicEvent {

    public ProgressMeasureRecorded {
        reasons = List.copyOf(reasons);
    }
}
