package org.clinicops.session.day;

/** Whether the pre-dose readings allow a dose (CLINICAL D-2, D-3); fixed once dosing starts. */
public enum BpGate {
    NO_READING,
    /** The first HIGH reading: one recheck after the rest, not before {@code recheckNotBefore}. */
    RECHECK_DUE,
    PASSED,
    /** The last counted reading is ELEVATED: the dose order needs an elevated-BP override. */
    OVERRIDE_REQUIRED,
    /** Still HIGH at the recheck (or HIGH again after it): the session is deferred. */
    FAILED
}
