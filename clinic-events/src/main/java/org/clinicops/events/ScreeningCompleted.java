package org.clinicops.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * intake-service recorded a screening and its outcome. ELIGIBLE makes session-service book; CRISIS_ESCALATION makes
 * notification-service page the on-call clinician. Reasons are rule codes (CLINICAL section 4), never scores or text.
 *
 * @param baseline true for the patient's first screening, false for a re-screening (CLINICAL D-9)
 * @param progress change from the baseline, response and remission; null on the baseline screening itself
 */
public record ScreeningCompleted(
        UUID eventId,
        Instant occurredAt,
        UUID patientId,
        UUID screeningId,
        String indication,
        ScreeningOutcome outcome,
        List<String> reasons,
        boolean baseline,
        ScreeningProgress progress) implements ClinicEvent {

    /** A screening without progress: the baseline, or any screening of a producer that predates progress. */
    public ScreeningCompleted(UUID eventId, Instant occurredAt, UUID patientId, UUID screeningId, String indication,
                              ScreeningOutcome outcome, List<String> reasons, boolean baseline) {
        this(eventId, occurredAt, patientId, screeningId, indication, outcome, reasons, baseline, null);
    }
}
