package org.clinicops.notification.notification;

/**
 * How a notification travels. A patient message goes on each channel the patient consented to, one row per channel;
 * staff messages go by e-mail. SMS comes with its quiet hours (CLINICAL section 8).
 */
public enum Channel {
    EMAIL,
    SMS
}
