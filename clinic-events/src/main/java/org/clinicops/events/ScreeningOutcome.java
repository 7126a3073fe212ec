package org.clinicops.events;

/** The outcome of a screening, most severe first (CLINICAL section 4 precedence). */
public enum ScreeningOutcome {
    CRISIS_ESCALATION,
    INELIGIBLE,
    NEEDS_CLINICIAN_REVIEW,
    ELIGIBLE
}
