package org.clinicops.intake.patient.web;

import org.clinicops.intake.patient.Patient;

import java.util.UUID;

/**
 * What a service needs to send a patient a message, asked at the moment of sending (contact details never travel on
 * Kafka). {@code email} and {@code phone} are null when not given; send only on a consented channel. The referral
 * tells notification-service which partner clinic, if any, follows the patient, so that attribution never rides on
 * a {@code clinic.*} topic either.
 */
public record PatientContactResponse(UUID patientId, String firstName, String email, String phone,
                                     PatientResponse.Consent contactConsent, PatientResponse.Referral referral) {

    static PatientContactResponse of(Patient patient) {
        return new PatientContactResponse(patient.patientId(), patient.firstName(), patient.email(), patient.phone(),
                new PatientResponse.Consent(patient.contactConsent().email(), patient.contactConsent().sms()),
                PatientResponse.Referral.of(patient.referral()));
    }
}
