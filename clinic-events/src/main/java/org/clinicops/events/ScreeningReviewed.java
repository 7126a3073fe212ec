package org.clinicops.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician decided a screening that needed review, was ineligible or escalated a crisis. APPROVED books as an
 * ELIGIBLE outcome does, counted from {@code occurredAt} (the approval); DECLINED books nothing. The clinician's note
 * and override reason stay in intake-service: free text never goes on the bus.
 *
 * @param outcome  the screening's outcome by the rules, which the decision settles
 * @param override true when a prescriber approved over an INELIGIBLE finding (also when a crisis outranked it)
 */
public record ScreeningReviewed(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID screeningId,
        String indication,
        ScreeningOutcome outcome,
        ReviewDecision decision,
        boolean override,
        boolean baseline) implements ClinicEvent {
}
