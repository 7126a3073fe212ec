package org.clinicops.intake.screening;

import java.time.Instant;

/**
 * A clinician's decision on a screening, recorded with who and why (CLINICAL section 5).
 *
 * @param clinicianRole  from the reviewer's token: PRESCRIBER if it has that role, else CLINICIAN
 * @param overrideReason why a prescriber approved over an INELIGIBLE finding; null for any other decision
 * @param decidedAt      by the clinic's clock; also the {@code occurredAt} of the published ScreeningReviewed
 */
public record Review(
        ClinicianDecision decision,
        String clinicianId,
        ClinicianRole clinicianRole,
        String note,
        String overrideReason,
        Instant decidedAt) {
}
