package org.clinicops.intake.patient.web;

import org.clinicops.intake.patient.Patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient as the API shows it; {@code sexAtBirth}, {@code email}, {@code phone} are null when not given. */
public record PatientResponse(
        UUID patientId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String sexAtBirth,
        String email,
        String phone,
        Consent contactConsent,
        Referral referral,
        Instant registeredAt) {

    public record Consent(boolean email, boolean sms) {
    }

    public record Referral(String source, String partnerClinicId, String partnerReference) {

        static Referral of(org.clinicops.intake.patient.Referral referral) {
            return new Referral(referral.source().name(), referral.partnerClinicId(), referral.partnerReference());
        }
    }

    static PatientResponse of(Patient patient) {
        return new PatientResponse(patient.patientId(), patient.firstName(), patient.lastName(),
                patient.dateOfBirth(), patient.sexAtBirth() == null ? null : patient.sexAtBirth().name(),
                patient.email(), patient.phone(),
                new Consent(patient.contactConsent().email(), patient.contactConsent().sms()),
                Referral.of(patient.referral()),
                patient.registeredAt());
    }
}
