package org.clinicops.notification.notification.web;

import org.clinicops.notification.notification.Notifications;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/patients/{patientId}/notifications}, newest first. This service does not own patients: one it has
 * sent nothing about simply has an empty list. A malformed id is a 400 naming {@code patientId}.
 */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/patients/{patientId}/notifications")
    List<NotificationResponse> ofPatient(@PathVariable UUID patientId) {
        return notifications.findByPatient(patientId).stream().map(NotificationResponse::of).toList();
    }
}
