package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Notification;
import org.clinicops.notification.notification.NotificationKind;
import org.clinicops.notification.notification.Notifications;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/patients/{patientId}/notifications}, newest first; a staff page shows its alert's id. This service
 * does not own patients: one it has sent nothing about simply has an empty list. A malformed id is a 400 naming {@code patientId}.
 */
@RestController
class NotificationController {

    private static final Set<NotificationKind> ALERT_PAGES =
            EnumSet.of(NotificationKind.CRISIS_PAGE, NotificationKind.SAFETY_ALERT_PAGE);

    private final Notifications notifications;
    private final JsonMapper json;

    NotificationController(Notifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @GetMapping("/api/patients/{patientId}/notifications")
    List<NotificationResponse> ofPatient(@PathVariable UUID patientId) {
        return notifications.findByPatient(patientId).stream()
                .map(n -> NotificationResponse.of(n, alertIdOf(n))).toList();
    }

    /** A page's stored content names its alert (one stored before pages were alerts may not). */
    private UUID alertIdOf(Notification n) {
        if (!ALERT_PAGES.contains(n.kind())) {
            return null;
        }
        JsonNode alertId = json.readTree(n.content()).get("alertId");
        return alertId == null || alertId.isNull() ? null : UUID.fromString(alertId.asString());
    }
}
