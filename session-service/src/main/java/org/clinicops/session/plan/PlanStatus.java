package org.clinicops.session.plan;

/** Where a treatment plan stands (CLINICAL section 6; more states come with the session day). */
public enum PlanStatus {
    /** The whole induction series is booked. */
    BOOKED,
    /** No capacity fits the series within the horizon; staff see it on the day board. */
    WAITING_FOR_CAPACITY
}
