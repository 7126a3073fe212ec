package org.clinicops.intake.screening;

/**
 * The answer to recording a screening.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key recorded it
 */
public record Recorded(Screening screening, boolean replayed) {
}
