package org.clinicops.notification.notification;

import org.clinicops.support.web.CorrelationId;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to send, as stored. It holds no contact details and no message text: {@code content} is the non-PHI data
 * its template needs (ids, session times), as JSON; the address and first name are asked of intake-service when it
 * is sent.
 *
 * @param sourceEventId the event that caused it; with {@code kind}, {@code channel} (and the dedupe key it was stored
 *                      with, see {@link Notifications#insert(Notification, String)}) it is unique, so a redelivery adds
 *                      nothing
 * @param correlationId the correlation id of the request behind that event, for the logs of its delivery
 * @param traceparent   the trace of the event that caused it, which its delivery continues; {@link Notifications}
 *                      stores the current one with a new notification, so it is null until stored
 * @param staffRole     whom a staff message goes to; null for a patient message
 * @param address       the one address a staff-lane message goes to instead of a staff role's (a partner's notice);
 *                      null otherwise
 */
public record Notification(
        UUID notificationId,
        UUID patientId,
        NotificationKind kind,
        Channel channel,
        NotificationStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        UUID sourceEventId,
        String correlationId,
        String traceparent,
        String content,
        StaffRole staffRole,
        String address) {

    /** A new notification, due at once, carrying the correlation id of the event being handled. */
    public static Notification pending(UUID patientId, NotificationKind kind, UUID sourceEventId, String content,
                                       Instant now) {
        return pendingUntil(patientId, kind, sourceEventId, content, now, now);
    }

    /** A new notification the dispatcher leaves alone until {@code due}. */
    public static Notification pendingUntil(UUID patientId, NotificationKind kind, UUID sourceEventId, String content,
                                            Instant now, Instant due) {
        return new Notification(UUID.randomUUID(), patientId, kind, Channel.EMAIL, NotificationStatus.PENDING, 0, due,
                null, now, null, sourceEventId, CorrelationId.current().orElse(null), null, content, kind.firstRecipient(),
                null);
    }

    /** A new message about no patient to one given address, due at once, one per cause and address. */
    public static Notification pendingTo(String address, NotificationKind kind, UUID sourceEventId, String content,
                                         Instant now) {
        return new Notification(UUID.randomUUID(), null, kind, Channel.EMAIL, NotificationStatus.PENDING, 0, now, null,
                now, null, sourceEventId, CorrelationId.current().orElse(null), null, content, null, address);
    }

    /** This staff message for another role than its kind's first recipient (an alert's second clinician). */
    public Notification to(StaffRole role) {
        return new Notification(notificationId, patientId, kind, channel, status, attempts, nextAttemptAt, lastError,
                createdAt, sentAt, sourceEventId, correlationId, traceparent, content, role, address);
    }
}
