package org.clinicops.intake.screening;

/** What the patient is referred for (CLINICAL section 3). */
public enum Indication {
    DEPRESSION,
    BIPOLAR_DEPRESSION,
    PTSD,
    OCD,
    CHRONIC_PAIN,
    SUBSTANCE_USE_WITH_MOOD
}
