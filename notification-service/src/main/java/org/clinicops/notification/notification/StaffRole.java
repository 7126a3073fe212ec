package org.clinicops.notification.notification;

/**
 * Which configured staff address a staff message goes to; the address itself is read from the settings when the
 * message is sent, so a changed rota applies to what still waits.
 */
public enum StaffRole {
    /** {@code notification.on-call.email} */
    ON_CALL,
    /** {@code notification.prescriber.email} */
    PRESCRIBER,
    /** {@code notification.backup.email}: the backup clinician, paged when an alert is not acknowledged in time */
    BACKUP
}
