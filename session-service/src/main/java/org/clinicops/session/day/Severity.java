package org.clinicops.session.day;

/** How strong an effect was; NONE records an effect asked about and absent (CLINICAL D-7). */
public enum Severity {
    NONE,
    MILD,
    MODERATE,
    SEVERE
}
