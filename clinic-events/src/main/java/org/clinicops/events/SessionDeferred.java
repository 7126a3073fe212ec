package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/** A session was not dosed on its day for a clinical reason; it was never dosed (CLINICAL D-2). */
public record SessionDeferred(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID planId,
        UUID sessionId,
        int number,
        DeferralReason reason,
        Instant deferredAt) implements ClinicEvent {
}
