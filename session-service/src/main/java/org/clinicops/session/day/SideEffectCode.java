package org.clinicops.session.day;

/** The side effects recorded by code (CLINICAL D-7); anything else goes in the effects' note. */
public enum SideEffectCode {
    NAUSEA,
    VOMITING,
    DIZZINESS,
    HEADACHE,
    SEDATION,
    ANXIETY,
    EMERGENCE_REACTION
}
