package org.clinicops.intake.patient;

/** Sex at birth as recorded at referral; unknown (null) counts as FEMALE for the AUDIT-C cut-off (CLINICAL section 2). */
public enum SexAtBirth {
    FEMALE,
    MALE
}
