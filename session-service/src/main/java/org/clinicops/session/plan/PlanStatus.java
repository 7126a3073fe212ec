package org.clinicops.session.plan;

/** Where a treatment plan stands (CLINICAL sections 6 and 7). */
public enum PlanStatus {
    /** The whole induction series is booked. */
    BOOKED,
    /** No capacity fits the series within the horizon; staff see it on the day board. */
    WAITING_FOR_CAPACITY,
    /**
     * A deferred, cancelled or missed session could not be made up within the series' rules (CLINICAL D-2): staff
     * decide how the series goes on.
     */
    NEEDS_STAFF
}
