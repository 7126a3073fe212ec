package org.clinicops.intake.patient;

/**
 * The answer to a registration.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key created the patient
 */
public record Registered(Patient patient, boolean replayed) {
}
