package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Channel;
import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.NotificationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as staff see it: what, on which channel, where it stands and when, never the message body or the
 * address it went to. {@code lastError} is the last failure, or why it was skipped or suppressed.
 *
 * @param alertId   the alert a staff page belongs to (to acknowledge it); null for other kinds
 * @param heldUntil when a text HELD for quiet hours goes; null unless HELD
 */
public record NotificationResponse(UUID notificationId, NotificationKind kind, Channel channel,
                                   NotificationStatus status, Instant createdAt, Instant sentAt, int attempts,
                                   String lastError, UUID alertId, Instant heldUntil) {

    static NotificationResponse of(Notification n, UUID alertId) {
        return new NotificationResponse(n.notificationId(), n.kind(), n.channel(), n.status(), n.createdAt(),
                n.sentAt(), n.attempts(), n.lastError(), alertId,
                n.status() == NotificationStatus.HELD ? n.nextAttemptAt() : null);
    }
}
