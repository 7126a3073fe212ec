package org.clinicops.notification.notification;

/**
 * What a notification is, who it goes to, and its place in the queue. Staff and patient messages are sent in lanes
 * of their own; within a lane a lower priority number goes first, so crisis messages never wait behind routine mail.
 */
public enum NotificationKind {

    /**
     * To the on-call clinician, at once, any hour; quiet hours never apply (CLINICAL section 5). Repeated, and sent to
     * the backup too, until the crisis is acknowledged (package {@code escalation}).
     */
    CRISIS_PAGE(Audience.STAFF, 0, StaffRole.ON_CALL),
    /**
     * To the on-call clinician when the crisis-line message cannot reach the patient (no consented channel, no usable
     * address): call the patient instead (CLINICAL section 5).
     */
    CALL_PATIENT_TASK(Audience.STAFF, 0, StaffRole.ON_CALL),
    /**
     * A D-6 safety alert of a session, to the prescriber at once, any hour (CLINICAL D-6); repeated, and sent to the
     * on-call clinician too, until the alert is acknowledged (package {@code escalation}).
     */
    SAFETY_ALERT_PAGE(Audience.STAFF, 0, StaffRole.PRESCRIBER),
    /** The clinic's crisis-line message to the patient, at once, quiet hours or not (CLINICAL sections 5 and 8). */
    CRISIS_LINE_MESSAGE(Audience.PATIENT, 1, null),
    /** A session was moved: its new time, at once (CLINICAL section 8); its reminders move with it. */
    RESCHEDULE_NOTICE(Audience.PATIENT, 2, null),
    /** A session was cancelled or deferred: it does not take place, at once (CLINICAL section 8). */
    CANCELLATION_NOTICE(Audience.PATIENT, 2, null),
    /** The patient did not come to a session: please get in touch, at once (CLINICAL section 8). */
    MISSED_SESSION_FOLLOW_UP(Audience.PATIENT, 2, null),
    /**
     * One per booked series, with every session and the preparation instructions, and one per session made up for a
     * deferred, cancelled or missed one (CLINICAL section 8).
     */
    BOOKING_CONFIRMATION(Audience.PATIENT, 2, null),
    /**
     * One 48 hours and one 24 hours before each booked session, due then, not at once (CLINICAL section 8); after the
     * confirmation of the same series.
     */
    SESSION_REMINDER(Audience.PATIENT, 3, null),
    /** The day after a discharge, at a set clinic-local time: how is the patient (CLINICAL section 8). */
    DAY_AFTER_CHECK_IN(Audience.PATIENT, 3, null),
    /**
     * The induction series is complete: please come for the re-screening due within 7 days, at once (CLINICAL
     * sections 8 and D-9).
     */
    RESCREENING_INVITATION(Audience.PATIENT, 3, null),
    /**
     * To a partner clinic's {@code alertEmail} and the clinic's ops address: a webhook subscription was disabled, or a
     * delivery failed for good. About no patient; after any page, since it goes by the staff lane.
     */
    PARTNER_NOTICE(Audience.STAFF, 3, null);

    /** Staff messages go to a configured address; patient messages need the patient's contact details and consent. */
    public enum Audience { STAFF, PATIENT }

    private final Audience audience;
    private final int priority;
    private final StaffRole firstRecipient;

    NotificationKind(Audience audience, int priority, StaffRole firstRecipient) {
        this.audience = audience;
        this.priority = priority;
        this.firstRecipient = firstRecipient;
    }

    /** Whom a staff message of this kind goes to unless stored for someone else (a backup); null for patients. */
    public StaffRole firstRecipient() {
        return firstRecipient;
    }

    public Audience audience() {
        return audience;
    }

    public int priority() {
        return priority;
    }

    /**
     * A patient text due in the clinic's quiet hours waits until they end; the crisis-line message goes at once, and
     * staff pages are never held (CLINICAL sections 5 and 8).
     */
    public boolean waitsOutQuietHours() {
        return audience == Audience.PATIENT && this != CRISIS_LINE_MESSAGE;
    }

    public boolean isCrisis() {
        return this == CRISIS_PAGE || this == CALL_PATIENT_TASK || this == CRISIS_LINE_MESSAGE
                || this == SAFETY_ALERT_PAGE;
    }
}
