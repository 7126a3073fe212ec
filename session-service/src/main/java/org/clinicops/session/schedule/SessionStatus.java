package org.clinicops.session.schedule;

/**
 * Where a session stands on its day (CLINICAL section 7). DEFERRED, CANCELLED and NO_SHOW sessions were never dosed;
 * a dosed session ends only as DISCHARGED.
 */
public enum SessionStatus {
    SCHEDULED,
    CHECKED_IN,
    READY_TO_DOSE,
    DOSING,
    IN_OBSERVATION,
    DISCHARGED,
    DEFERRED,
    CANCELLED,
    NO_SHOW
}
