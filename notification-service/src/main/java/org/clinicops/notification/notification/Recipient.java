package org.clinicops.notification.notification;

/**
 * Whom a message is for at the moment of sending.
 *
 * @param address   where it goes on its channel: an e-mail address, or a phone number (E.164) for a text
 * @param firstName the patient's first name for the greeting; null for staff
 */
public record Recipient(String address, String firstName) {
}
