package org.clinicops.notification.notification;

/**
 * What a notification is, who it goes to, and its place in the queue. Staff and patient messages are sent in lanes
 * of their own; within a lane a lower priority number goes first, so crisis messages never wait behind routine mail.
 */
public enum NotificationKind {

    /** To the on-call clinician, at once, any hour; quiet hours never apply (CLINICAL section 5). */
    CRISIS_PAGE(Audience.STAFF, 0),
    /**
     * To the on-call clinician when the crisis-line message cannot reach the patient (no consented channel, no usable
     * address): call the patient instead (CLINICAL section 5).
     */
    CALL_PATIENT_TASK(Audience.STAFF, 0),
    /** The clinic's crisis-line message to the patient, at once, quiet hours or not (CLINICAL sections 5 and 8). */
    CRISIS_LINE_MESSAGE(Audience.PATIENT, 1),
    /** One per booked series, with every session and the preparation instructions (CLINICAL section 8). */
    BOOKING_CONFIRMATION(Audience.PATIENT, 2),
    /**
     * One 48 hours and one 24 hours before each booked session, due then, not at once (CLINICAL section 8); after the
     * confirmation of the same series.
     */
    SESSION_REMINDER(Audience.PATIENT, 3);

    /** Staff messages go to a configured address; patient messages need the patient's contact details and consent. */
    public enum Audience { STAFF, PATIENT }

    private final Audience audience;
    private final int priority;

    NotificationKind(Audience audience, int priority) {
        this.audience = audience;
        this.priority = priority;
    }

    public Audience audience() {
        return audience;
    }

    public int priority() {
        return priority;
    }

    public boolean isCrisis() {
        return this == CRISIS_PAGE || this == CALL_PATIENT_TASK || this == CRISIS_LINE_MESSAGE;
    }
}
