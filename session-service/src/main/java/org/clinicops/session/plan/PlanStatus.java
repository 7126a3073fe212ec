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
    NEEDS_STAFF,
    /** The induction series is complete: a re-screening is due within 7 days of its last session (CLINICAL D-9). */
    RESCREENING_DUE,
    /**
     * The re-screening after the series showed no response, or did not find the patient eligible: a clinician
     * decides whether treatment continues before anything more is booked (CLINICAL D-9).
     */
    WAITING_FOR_REVIEW,
    /** Cleared for maintenance: the prescriber sets the booster interval, then the first booster is booked. */
    WAITING_FOR_BOOSTER_INTERVAL,
    /** Boosters at the prescriber's interval, the next one booked when one is discharged. */
    MAINTENANCE,
    /** Treatment has ended; nothing more is booked. */
    CLOSED
}
