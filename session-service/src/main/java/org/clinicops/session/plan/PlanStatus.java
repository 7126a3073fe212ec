package org.clinicops.session.plan;

/** Where a treatment plan stands (CLINICAL sections 6 and 7). */
public enum PlanStatus {
    /**
     * The indication has no default protocol (OCD, CHRONIC_PAIN, SUBSTANCE_USE_WITH_MOOD): nothing is booked until the
     * prescriber chooses one. The plan has no protocol yet; staff see to it.
     */
    WAITING_FOR_PROTOCOL,
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
