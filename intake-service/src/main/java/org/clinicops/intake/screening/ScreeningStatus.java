package org.clinicops.intake.screening;

/**
 * Where a screening stands (CLINICAL section 5): its outcome while no clinician has decided it, then the decision.
 * ELIGIBLE needs no decision; NEEDS_CLINICIAN_REVIEW and CRISIS_ESCALATION await one; INELIGIBLE stands unless a
 * prescriber overrides it (or a clinician confirms it by declining).
 */
public enum ScreeningStatus {
    ELIGIBLE,
    NEEDS_CLINICIAN_REVIEW,
    CRISIS_ESCALATION,
    INELIGIBLE,
    APPROVED,
    DECLINED
}
