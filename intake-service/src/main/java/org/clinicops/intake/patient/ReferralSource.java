package org.clinicops.intake.patient;

/** Who referred the patient (CLINICAL section 3). */
public enum ReferralSource {
    SELF,
    CLINICIAN,
    PARTNER_CLINIC
}
