package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationStatus;
import org.clinicops.notification.notification.Notifications;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/patients/{patientId}/notifications}, newest first. This service does not own patients: one it has
 * sent nothing about simply has an empty list. A malformed id is a 400 naming {@code patientId}.
 * <p>
 * {@code POST /api/notifications/{notificationId}/retry}: staff send a FAILED notification again once its cause is put
 * right (an address corrected at intake, say); it is due at once. One that is not FAILED is a 409
 * {@code NOTIFICATION_NOT_FAILED} with its {@code status}, so a retry never sends twice what went or still waits.
 */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final Clock clock;

    NotificationController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/api/patients/{patientId}/notifications")
    List<NotificationResponse> ofPatient(@PathVariable UUID patientId) {
        return notifications.findByPatient(patientId).stream().map(NotificationResponse::of).toList();
    }

    @PostMapping("/api/notifications/{notificationId}/retry")
    NotificationResponse retry(@PathVariable UUID notificationId) {
        if (!notifications.retryFailed(notificationId, clock.instant())) {
            Notification notification = notifications.find(notificationId)
                    .orElseThrow(() -> new NotFoundException("No notification " + notificationId));
            throw new ConflictException("NOTIFICATION_NOT_FAILED",
                    "Only a FAILED notification can be retried; this one is " + notification.status(),
                    Map.of("status", notification.status()));
        }
        return notifications.find(notificationId).map(NotificationResponse::of).orElseThrow();
    }
}
