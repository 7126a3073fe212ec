package org.clinicops.notification.notification;

/** Where a notification stands. Only PENDING and HELD are ever picked up again. */
public enum NotificationStatus {
    /** Not sent yet: waiting for its first attempt, or for the next one after a failure. */
    PENDING,
    /** A text that came due in the clinic's quiet hours: it waits until they end (its next attempt), then goes. */
    HELD,
    SENT,
    /** Not sent, on purpose: the patient has not consented to the channel or gave no address for it. */
    SKIPPED_NO_CONSENT,
    /**
     * Can never be sent as it is (intake-service knows no such patient, the address on file is unusable, the SMS
     * provider refused the text); staff may retry it once the cause is put right.
     */
    FAILED,
    /**
     * Not sent, on purpose: what it was about changed before it was due (a reminder of a session that was moved or
     * called off). Kept, with the reason, so staff see what the patient was not told.
     */
    SUPPRESSED
}
