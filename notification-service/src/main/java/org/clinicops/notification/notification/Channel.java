package org.clinicops.notification.notification;

/** How a notification travels. SMS comes with its quiet hours (CLINICAL section 8). */
public enum Channel {
    EMAIL
}
