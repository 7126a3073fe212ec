package org.clinicops.notification.contact;

import java.util.UUID;

/**
 * A patient's contact details as intake-service gives them at the moment of sending; held in memory for one
 * delivery only, never stored or logged.
 *
 * @param email    null when the patient gave none
 * @param phone    null when the patient gave none; E.164 (+15035550142)
 * @param referral who referred the patient: which partner clinic, if any, follows the patient (null from an
 *                 intake-service that predates it)
 */
public record PatientContact(UUID patientId, String firstName, String email, String phone, Consent contactConsent,
                             Referral referral) {

    /** @param partnerClinicId set for PARTNER_CLINIC referrals only; {@code partnerReference} null when not given */
    public record Referral(String source, String partnerClinicId, String partnerReference) {
    }

    /** The channels the patient agreed to be contacted on. */
    public record Consent(boolean email, boolean sms) {
    }

    public boolean hasEmailAddress() {
        return email != null && !email.isBlank();
    }

    public boolean consentsToEmail() {
        return contactConsent != null && contactConsent.email();
    }

    public boolean hasPhoneNumber() {
        return phone != null && !phone.isBlank();
    }

    public boolean consentsToSms() {
        return contactConsent != null && contactConsent.sms();
    }
}
