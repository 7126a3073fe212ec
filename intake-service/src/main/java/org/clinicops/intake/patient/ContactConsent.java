package org.clinicops.intake.patient;

/** The channels the patient agreed to be contacted on; messages go only to these (CLINICAL section 8). */
public record ContactConsent(boolean email, boolean sms) {
}
