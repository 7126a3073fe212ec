package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Channel;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.NotificationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as staff see it: what and when, never the message body or the address it went to.
 *
 * @param alertId the alert a staff page belongs to (to acknowledge it); null for other kinds
 */
public record NotificationResponse(UUID notificationId, NotificationKind kind, Channel channel,
                                   NotificationStatus status, Instant createdAt, Instant sentAt, int attempts,
                                   String lastError, UUID alertId) {

    static NotificationResponse of(Notification n, UUID alertId) {
        return new NotificationResponse(n.notificationId(), n.kind(), n.channel(), n.status(), n.createdAt(),
                n.sentAt(), n.attempts(), n.lastError(), alertId);
    }
}
