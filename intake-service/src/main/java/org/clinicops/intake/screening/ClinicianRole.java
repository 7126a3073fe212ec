package org.clinicops.intake.screening;

/**
 * The role a clinician decides a screening in. Any clinician may decide a review or an assessed crisis; only a
 * prescriber may approve over an INELIGIBLE finding (CLINICAL section 5).
 */
public enum ClinicianRole {
    PRESCRIBER,
    CLINICIAN
}
