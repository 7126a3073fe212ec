package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** session-service created a treatment plan but no capacity fits its induction series yet; staff see it on the day board. */
public record TreatmentPlanWaitingForCapacity(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID screeningId,
        Protocol protocol) implements ClinicEvent {
}
