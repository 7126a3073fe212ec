package org.clinicops.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referred patient.
 *
 * @param sexAtBirth null when not given (unknown)
 * @param email      null when not given
 * @param phone      null when not given; E.164
 */
public record Patient(
        UUID patientId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        SexAtBirth sexAtBirth,
        String email,
        String phone,
        ContactConsent contactConsent,
        Referral referral,
        Instant registeredAt) {
}
