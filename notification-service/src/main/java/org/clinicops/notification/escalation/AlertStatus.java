package org.clinicops.notification.escalation;

/** Whether an alert still pages staff. */
public enum AlertStatus {
    /** Not acknowledged yet: its chain goes on. */
    OPEN,
    /** A clinician or prescriber acknowledged it: no later page is sent. */
    ACKNOWLEDGED
}
