package org.clinicops.notification.notification;

/**
 * Whom a message is for at the moment of sending.
 *
 * @param firstName the patient's first name for the greeting; null for staff
 */
public record Recipient(String email, String firstName) {
}
