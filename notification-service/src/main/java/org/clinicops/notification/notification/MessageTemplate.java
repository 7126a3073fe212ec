package org.clinicops.notification.notification;

/**
 * Writes the message of one kind of notification from its stored content. Messages never carry diagnoses, outcome
 * codes, reasons or scores (CLINICAL section 8).
 */
public interface MessageTemplate {

    NotificationKind kind();

    EmailMessage render(Notification notification, Recipient recipient);
}
